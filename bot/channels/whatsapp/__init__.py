"""The WhatsApp channel through Twilio.

``webhook``: Twilio's form fields into ``Incoming``, signature check, TwiML out.
``media``: photo downloads from Twilio, and short-lived signed links for photos we send.
``send``: pushed messages through the REST API (free text or a Content template).
``component``: the routes and the runner component that ties them together.
"""
