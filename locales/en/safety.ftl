# "Are you safe?" – when a message may tell of distress but the bot is not sure.
safety-ask = { $name }, thank you for writing. I want to check one thing: <b>are you safe right now?</b> Are you thinking of hurting yourself, or that you don't want to live?
safety-ask-child = { $name }, thank you for writing. I want to check one thing: <b>are you safe right now?</b> Has someone hurt or threatened you?
safety-ask-deadline = If you don't answer within { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }, I'll ask { $who } to check how you are.
safety-button-unsafe-crisis = 😟 I'm not safe / I'm thinking about it
safety-button-unsafe-child_protection = 😟 I'm not safe / someone hurts me
safety-button-safe = 🙂 I'm safe
safety-answered-unsafe-crisis = You answered that you're not safe. Thank you for telling me. 💛
safety-answered-unsafe-child_protection = You answered that you're not safe. Thank you for telling me – you have done nothing wrong. 💛
safety-answered-safe = You answered that you're safe. ✓
safety-safe = Good to hear. 💛 If you'd like to talk to someone, write /talk. With /help you can see where to get help at any time.

    May { $who } know that things have been hard for you? They would then get in touch.
safety-button-share = ✅ Yes, you may tell
safety-button-keep = No need
safety-kept = Okay, I won't tell anyone about this. If things change, /talk and /help always work.
safety-shared = Thank you. { $who } will be told and will get in touch with you.
safety-shared-nobody = Thank you. There is nobody at your school I could tell about this right now. With /help you can see where to get help.
safety-safe-anon = Good to hear. If you need help, write /help.
safety-late-safe = Thank you for answering – good to hear. I didn't get an answer in time, so I've already asked your coach to check how you are, as I said.
# Reason shown to staff in the alert
r-safety-shared = The student wrote something worrying. They answered that they are safe and wanted you to know.
r-safety-unanswered = The student wrote something worrying and did not answer whether they are safe – check how they are.

# Child protection (violence, sexual violence, grooming, nowhere safe to sleep): its own reply.
risk-child-reply = { $name }, thank you for telling me. What has happened to you is not your fault – you have done nothing wrong. 💛
risk-child-reply-anon = Thank you for telling me. What has happened to you is not your fault – you have done nothing wrong. 💛
r-child-protection = Signs that the student is not safe (violence, sexual violence, not safe at home or nowhere to sleep) – contact them now.

# When a crisis comes up during a check-in: it ends here, without a cheerful closing.
checkin-close-after-crisis = Thank you for your answers, { $name }. Let's stop the check-in here – what matters most now is that you get support. The contacts for help are above, and /help shows them again.
