# When the service does not work as usual: a storage fault, messages coming too fast.

storage-down =
    I got your message, but I can't save anything right now because of a technical fault. I'll handle your message as soon as the fault is fixed – you don't need to write it again. Until then, nobody at school sees your message.

    If you need help now: in an emergency call 112. { -mieli-line } { -mieli-number } is open day and night.
storage-recovered-coordinator =
    ⚠️ <b>Kohtaamo could not save data from { $from } to { $to }</b> (disk full or no write permission).

    Everyone who wrote during that time was told directly. Messages that came in then are being handled now. Check the server's disk space and logs so it does not happen again.
rate-limited =
    Messages are coming very fast right now, so I can't answer every one. Wait a moment and then write again.

    If you are in distress, call 112 or { -mieli-line } { -mieli-number }.
