-- Incoming updates, made durable before they are confirmed to Telegram (the getUpdates offset
-- or the webhook's 200) and marked done once handled; an update not done when the bot stops
-- is handled again on the next start. The payload (what the person wrote) is erased at done;
-- the bare update id stays a while so a repeated delivery is recognised (purged after 14 days);
-- the chat and user ids are erased at done too.
CREATE TABLE inbox (
    update_id   INTEGER PRIMARY KEY,
    chat_id     INTEGER,
    user_id     INTEGER,
    payload     TEXT,                            -- the update as JSON; NULL once done
    received_at TEXT NOT NULL,
    done_at     TEXT
);
CREATE INDEX inbox_waiting ON inbox(done_at, update_id);

INSERT INTO inbox (update_id, received_at, done_at)
    SELECT update_id, processed_at, processed_at FROM processed_updates;
DROP TABLE processed_updates;

-- Telegram's flood control: a 429's retry_after pauses every send until `until`, kept here so
-- a restarted bot does not send into the penalty.
CREATE TABLE flood_pauses (
    scope       TEXT PRIMARY KEY,                -- 'all'
    until       TEXT NOT NULL
);
