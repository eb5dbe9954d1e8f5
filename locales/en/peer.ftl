### Group coaching and peer support: linking the group chat (/link), sending (/broadcast),
### delivery reports, poll results (/poll_results) and muting group prompts (/group_prompts).
### The texts of the discussion prompts and polls (vp-) are at the end. Poll texts are plain
### text: no HTML.

## Linking the group chat

peer-link-in-group = To link your group's chat: add me to the group's Telegram chat and send /link there. I will then ask you here which group it is.
peer-link-check-private = Thanks! ✉️ I asked for a confirmation in a private message. If you don't see it, open a chat with me first and send /link here again.
peer-link-no-groups = You don't have a group yet that I could link this chat to. Ask the coordinator to add you as a group's group coach.
peer-link-choose =
    Link the chat <b>{ $title }</b> to a group in Kohtaamo? Choose the group.

    I only send discussion prompts and polls to the chat – never anyone's own answers.
peer-link-group-button =
    { $name }{ $linked ->
        [yes] {" "}(switch chat)
       *[no] {""}
    }
peer-link-cancelled = OK, I did not link the chat to any group.
peer-link-already = The chat <b>{ $title }</b> already is group { $group }'s chat. 👍
peer-link-done =
    ✅ Done! <b>{ $title }</b> is now the chat of group { $group }.{ $replaced ->
        [yes] {" "}The previous chat is no longer linked.
       *[no] {""}
    }
    Send a discussion prompt or a poll there with /broadcast.
peer-linked-chat =
    Hi everyone! 👋 This chat is now group { $group }'s shared place in Kohtaamo.
    Your group coach can send discussion prompts and polls here. I never show anyone's own answers here.
peer-hello-chat =
    Hi! 👋 I'm Kohtaamo. A group coach can link this chat to their group by sending /link here.
    I never share anyone's own answers here.
peer-chat-removed =
    I was removed from group { $group }'s chat, so I can no longer send anything there.
    To carry on, add me back and send /link in the chat.
peer-chat-migrated = Group { $group }'s chat became a supergroup in Telegram. I updated the link, so messages arrive as before. 👍
peer-not-your-group = This isn't your group, so I can't do that. Ask the coordinator if needed.

## Sending (/broadcast)

peer-no-groups = You don't have any groups yet. Ask the coordinator to add you as a group's group coach.
peer-send-choose-groups =
    📣 <b>Send to a group</b>
    Who should get it? Choose one or more groups and press Continue.
peer-send-choose-audience =
    📣 <b>Send to group { $groups }</b>
    Where should the message go?

    💬 <b>To the group chat</b>: everyone sees the same message and can talk about it together.
    👤 <b>To each one privately</b>: everyone gets the message in their own chat. Of poll answers you only see a summary.
peer-send-no-chat = ⚠️ Group { $groups } has no linked chat. To link it: add me to the group's chat and send /link there.
peer-send-choose-content =
    📣 <b>{ $groups }</b> · { $audience ->
        [chat] to the group chat
       *[private] to each one privately
    }
    What should be sent?
peer-send-choose-theme =
    📚 <b>Discussion prompts and polls</b>
    Choose a theme:
peer-send-choose-prompt =
    📚 <b>{ $theme }</b>
    Choose a topic. 💬 = discussion prompt, 📊 = poll, 🧠 = quiz
peer-send-compose =
    ✏️ Write your message next in this chat. I'll show it to you before anything is sent.

    Want a poll? Write the question on the first line (ending with a question mark) and each option on its own line starting with a dash, for example:
    <code>Where shall we meet next time?
    - At school
    - At a café
    - Outdoors</code>
peer-send-picked = Chosen: { $prompt }
peer-send-cancelled = OK, sending cancelled. Nothing was sent.
peer-draft-gone = This sending has already ended. Start a new one with /broadcast.
peer-already-sent = This has already been sent. 👍
peer-choose-a-group = Choose at least one group first.
peer-chat-not-linked = Not all of the chosen groups have a linked chat.
peer-prompt-gone = This topic can no longer be found. Choose another one with /broadcast.
peer-compose-empty = Your message was empty. Write a message and I'll show you a preview.
peer-compose-too-long = The message is a bit too long ({ $length ->
        [one] 1 character
       *[other] { $length } characters
    }). Would it fit in { $most }?
peer-compose-poll-options = A poll needs 2–{ $most } options, each on its own line starting with a dash.
peer-compose-poll-question = The poll question can be at most { $most } characters. Could you shorten it a little?
peer-compose-poll-option-length = Each option must be 1–{ $most } characters.
peer-compose-poll-twins = Two options have the same text. Change one of them and the poll will work.

## Preview

peer-preview-title = 👀 <b>Preview</b> – nothing has been sent yet.
peer-preview-to-chat = Where: to group { $groups }'s chat
peer-preview-to-private =
    Where: to each one privately ({ $groups }), { $count ->
        [one] 1 student
       *[other] { $count } students
    }{ $skipped ->
        [0] {""}
       *[other] {" "}– { $skipped } won't get it now (group prompts off or on a break)
    }
peer-preview-looks = This is how the message looks:
peer-preview-poll-chat = The poll above is shown as it will appear in the chat.
peer-preview-poll-private = The poll is shown above. Everyone gets it in their own chat with this note:
peer-preview-tip = 💡 <b>Tip for the facilitator:</b> { $tip }
peer-sent =
    ✅ Sent { $audience ->
        [chat] { $count ->
            [one] to the group chat.
           *[other] to { $count } group chats.
        }
       *[private] to { $count ->
        [one] 1 student
       *[other] { $count } students
    }.
    } I'll let you know once the messages have arrived.

## Buttons

peer-button-next = Continue ➡️
peer-button-to-chat = 💬 To the group chat
peer-button-to-private = 👤 To each one privately ({ $count })
peer-button-library = 📚 A ready-made prompt or poll
peer-button-compose = ✏️ I'll write my own message
peer-button-send = ✅ Send
peer-button-change = ✏️ Change the content
peer-button-refresh = 🔄 Refresh
peer-button-retry = 🔁 Try again ({ $count })
peer-button-results = 📊 Poll results
peer-button-all-polls = ⬅️ All polls
peer-button-mute = 🔕 Turn group prompts off
peer-button-unmute = 🔔 Turn group prompts back on

## Delivery report

peer-report-own-message = own message
peer-report-plan-poll = the plan's poll “{ $question }”
peer-report-title =
    📬 <b>Delivery report</b>: { $what }
    { $groups } · { $audience ->
        [chat] to the group chat
       *[private] to each one privately
    }
peer-report-delivered = ✅ Delivered: { $count }
peer-report-blocked = 🚫 Not reached, Kohtaamo is blocked: { $count } ({ $names })
peer-report-failed = ⚠️ Sending failed: { $count } ({ $names })
peer-report-waiting = 🌙 Waiting for quiet hours to end (at { $time }): { $count }
peer-report-sending = ⏳ Still on the way: { $count }
peer-report-skipped = 🔕 Not sent (group prompts off or on a break): { $count }
peer-report-blocked-hint = <i>If someone has blocked Kohtaamo, messages don't reach them. You can tell them yourself and try again once they have opened the bot again.</i>
peer-retrying = 🔁 Trying again for { $count ->
        [one] 1 recipient
       *[other] { $count } recipients
    }. You'll get a new report when it's done.
peer-refreshed = Refreshed ✓

## Poll results

peer-results-none = No polls have been sent to your groups yet. You can send one with /broadcast.
peer-results-choose =
    📊 <b>Poll results</b>
    Choose a poll. You only see a summary – who answered what is never stored.
peer-results-head =
    📊 <b>{ $question }</b>
    { $group } · { $date } · { $audience ->
        [chat] in the group chat
       *[private] privately
    }
    Answered: { $audience ->
        [chat] { $voters }
       *[private] { $voters }/{ $sent }
    }
peer-results-too-few = There are fewer than { $least } answers so far. I'll show the breakdown once at least { $least } have answered, so that nobody's answer can be worked out.
peer-results-multiple = <i>Several options could be chosen in this poll, so the percentages don't add up to a hundred.</i>

## Group prompts for students

peer-mute-no-group = You aren't in a group yet, so no group prompts will come.
peer-mute-state =
    { $muted ->
        [yes] 🔕 Group prompts are now off.
       *[no] 🔔 Group prompts are now on.
    }
    Group prompts are your group coach's discussion prompts and polls for group { $group } that come to you privately.

    Check-ins come anyway, and the group chat works as before.
peer-muted-toast = Group prompts off 🔕
peer-unmuted-toast = Group prompts on 🔔

## What students and the group see

peer-chat-prompt-header = 💬 <b>{ $theme }</b>
peer-chat-custom-header = 📣 <b>{ $name }</b>, group coach:
peer-private-prompt-header = 💬 <b>{ $theme }</b> · group { $group }
peer-private-prompt-footer = <i>You don't need to answer me. Think about it in peace and bring your thoughts to the group's meeting. You can turn group prompts off with /group_prompts.</i>
peer-private-custom-header = 📣 <b>{ $name }</b> (group coach, { $group }):
peer-private-custom-footer = <i>This is a message to the whole group. If you want to reply, reply to your group coach directly or in the group – I don't pass replies on. You can turn group prompts off with /group_prompts.</i>
peer-private-poll-intro =
    { $kind ->
        [quiz] 🧠 <b>A little quiz for group { $group }</b>
       *[poll] 📊 <b>A poll for group { $group }</b>
    }
    Answer the poll below. Your group coach only sees a summary – nobody sees what you answered. Your answer is final.
    <i>You can turn group prompts off with /group_prompts.</i>
peer-plan-poll-intro =
    📊 <b>A poll for group { $group }</b>
    The school's welfare team would like to hear what your group thinks. Answer the poll below if you want to – it is up to you.
    Your answer is anonymous: nobody sees what you answered. I keep only the totals of all answers. Your group coach and the adults working on student welfare at school see them, and only once at least { $least } students have answered. Your answer is final.
    <i>You can turn group prompts off with /group_prompts.</i>
peer-scheduled-no-chat = ⚠️ The scheduled discussion prompt for group { $group } was not sent, because the group has no linked chat. To link it: add me there and send /link.
peer-scheduled-unknown-prompt = ⚠️ The scheduled topic { $prompt } is no longer in the library, so nothing was sent to group { $group }. Check the schedule with /schedule.

## Discussion prompts and polls (flows/vertaistuki). Polls are plain text.

vp-theme-ryhmaytyminen = Getting to know each other
vp-theme-jaksaminen = Coping and stress
vp-theme-tyossaoppiminen = Learning at the workplace
vp-theme-raha = Money
vp-theme-tulevaisuus = The future and paths onward
vp-theme-yhteinen = Doing things together

# Getting to know each other
vp-ryhma-viikon-paras = What was the best moment of this week? It can be something really small – good food, a job well done or a nice moment with a friend. 🌟
vp-ryhma-viikon-paras-vinkki = Start yourself and share your own moment first. It makes it easier for others.
vp-ryhma-kaksi-totta = 🕵️ Two truths and a lie! Tell three things about yourself, one of which isn't true. The others get to guess which one is made up.
vp-ryhma-kaksi-totta-vinkki = A good warm-up for a new group. Nobody needs to share anything too personal.
vp-ryhma-aamu-ilta = Are you a morning or an evening person?
    .aamu = 🌅 Early bird
    .ilta = 🌙 Night owl
    .riippuu = 🤷 Depends on the day
vp-ryhma-taito = What can you do that the others might not know about? It can be anything – cooking, gaming, languages or fixing mopeds. 💪
vp-ryhma-pelisaannot = 🤝 What makes a good group? Write here the things that help all of us feel good together.
vp-ryhma-pelisaannot-vinkki = At the next meeting, gather the suggestions into the group's shared ground rules. A group commits better to rules it made itself.
vp-ryhma-fiilis = How are you feeling today?
    .loistava = 😄 Great
    .hyva = 🙂 Good
    .ok = 😐 Okay
    .vasynyt = 😴 Tired
    .huono = 😕 A bit low
vp-ryhma-fiilis-vinkki = If many are tired or feeling low, bring it up with the whole group – don't go looking for individual answers.
vp-ryhma-tapaaminen = What kind of get-together would you enjoy most?
    .ulkona = 🌳 Something outdoors
    .pelit = 🎲 Games
    .ruoka = 🍕 Eating together
    .jutustelu = ☕ Relaxed chatting
    .vierailu = 🏭 A visit to a workplace

# Coping and stress
vp-jaksaminen-viikko = How has this week felt?
    .kevyt = 🪶 Light
    .sopiva = 👍 Just right
    .raskas = 🏋️ Heavy
    .liian = 🥵 Too heavy
vp-jaksaminen-viikko-vinkki = If many answer heavy, ask the group what would help. Remind them they can always talk with their own coach.
vp-jaksaminen-palautuminen = 🔋 What helps you recover after a tough day? Share your trick – someone else might get a good idea from it.
vp-jaksaminen-keinot = What helps you when you're stressed?
    .liikunta = 🏃 Exercise
    .kaverit = 👯 Friends
    .musiikki = 🎧 Music
    .pelit = 🎮 Games
    .uni = 😴 Sleeping
    .ulkoilu = 🌲 Being outdoors
    .puhuminen = 💬 Talking with someone
vp-jaksaminen-kuorma = What weighs on you most right now?
    .opinnot = 📚 Studies
    .raha = 💶 Money
    .uni = 😴 Sleep or tiredness
    .ihmissuhteet = 👥 Friends or family
    .tulevaisuus = 🔮 The future
    .ei-mikaan = ✨ Nothing in particular
vp-jaksaminen-kuorma-vinkki = The result tells about the group's shared load. If something stands out, make it a topic for everyone and say where to get help.
vp-jaksaminen-uni = How much sleep does a young adult usually need per night?
    .viisi = 4–5 hours
    .kahdeksan = About 8–9 hours
    .kaksitoista = 12 hours or more
vp-jaksaminen-uni-selitys = Most 16–20-year-olds need about 8–9 hours of sleep. A regular sleep rhythm helps you keep going at school.
vp-jaksaminen-pieni-teko = 🌱 What is one small thing you could do for yourself this week? Something small is enough – a walk, an early night or a message to a friend.
vp-jaksaminen-apu = Who would you ask for help if school started to feel too heavy? There is always someone at school to talk to: your coach, a teacher, the school social worker or the school nurse. 💙
vp-jaksaminen-apu-vinkki = Go through together who helps at school and how to reach them.

# Learning at the workplace
vp-tyo-odotukset = 🧰 What are you most looking forward to in learning at the workplace? And what makes you nervous?
vp-tyo-opin-viikolla = ✨ Tell us one thing you learned at the workplace this week. How did it go?
vp-tyo-ohjaus = Do you get enough guidance at the workplace?
    .kylla = 👍 Yes
    .valilla = 🤏 Sometimes
    .ei = 👎 No
    .en-viela = 🕐 I'm not at the workplace yet
vp-tyo-ohjaus-vinkki = If many feel they are left without guidance, raise it with the workplace instructors on behalf of the whole group – not of individual respondents.
vp-tyo-ohjaaja = Who guides you when you learn at the workplace?
    .ohjaaja = The workplace instructor and the teacher together
    .yksin = Nobody – you have to manage alone
    .kaveri = Only another student
vp-tyo-ohjaaja-selitys = At the workplace you have a workplace instructor, and your teacher keeps in touch from school. Asking is part of being a professional!
vp-tyo-kysyminen = 🙋 How do you dare to ask at the workplace when you don't know or don't understand? Share tips with each other.
vp-tyo-fiilis = How has it been at the workplace?
    .mahtavaa = 🤩 Awesome
    .hyvaa = 🙂 Good
    .ok = 😐 Okay
    .hankalaa = 😕 Difficult

# Money
vp-raha-saastovinkki = 💶 What is your best money-saving tip? Food, travel, clothes, phone – all tips are welcome!
vp-raha-opintotuki = Where do you apply for student financial aid?
    .kela = From Kela
    .vero = From the Tax Administration
    .koulu = From your own school
    .pankki = From a bank
vp-raha-opintotuki-selitys = Student financial aid is applied for from Kela, for example in OmaKela. The school's study counsellor or social worker helps you apply.
vp-raha-huoli = Do money matters worry you?
    .harvoin = 😌 Rarely
    .joskus = 🤔 Sometimes
    .usein = 😟 Often
vp-raha-huoli-vinkki = If many answer often, invite the school social worker or study counsellor to talk about student aid and making a budget.
vp-raha-mihin-menee = What does your money usually go on? Is there a small expense that grows surprisingly big over a month? ☕📱
vp-raha-aiheet = Which money topic would you like to hear more about?
    .opintotuki = 🎓 Student aid and other benefits
    .budjetti = 📊 My own budget
    .asunto = 🏠 My first own home
    .palkka = 💼 Pay and tax card
    .velat = ⚠️ Debts and payday loans
vp-raha-apu = If money doesn't stretch far enough, it's okay to talk about it. The school social worker and study counsellor help you find out which benefits you can get, and you can ask Kela about student aid and school travel support. What else would you like to know about money?

# The future and paths onward
vp-tulevaisuus-viisi-vuotta = 🚀 Where do you see yourself in five years? Big and small dreams are equally welcome.
vp-tulevaisuus-jatko-opinnot = After a vocational qualification, can you apply to a university of applied sciences or a university?
    .kylla = Yes, you can
    .ei = No, you can't
    .yo = Only with the matriculation exam
vp-tulevaisuus-jatko-opinnot-selitys = Yes! A vocational upper secondary qualification gives general eligibility for universities of applied sciences and universities.
vp-tulevaisuus-suunnitelma = What do you think you'll do after graduating?
    .toihin = 💼 Work
    .opiskelemaan = 🎓 Further studies
    .palvelus = 🪖 Military or civilian service
    .en-tieda = 🤷 Don't know yet
    .muuta = ✨ Something else
vp-tulevaisuus-vahvuus = 💎 What is a strength of yours that will help you in your future job? You can also tell us a strength you have noticed in a groupmate.
vp-tulevaisuus-vahvuus-vinkki = Praise from others strengthens the whole group. Make sure everyone gets at least one.
vp-tulevaisuus-esikuva = Who is a person whose work or life inspires you? What is great about them?
vp-tulevaisuus-tieto = What would you like to know more about?
    .tyonhaku = 🔎 Job hunting and interviews
    .cv = 📄 Writing a CV
    .jatko = 🎓 Further studies
    .yrittajyys = 🚀 Entrepreneurship
    .ulkomaat = 🌍 Working or studying abroad

# Doing things together
vp-yhteinen-idea = What should we do together?
    .keilaus = 🎳 Bowling or billiards
    .leffa = 🎬 A movie
    .ruoka = 🍕 A meal together
    .ulkoilu = 🌲 Outdoors
    .pelit = 🎲 Game night
    .muu = 💡 Something else – I'll say in the chat
vp-yhteinen-mukaan = Who's coming along to our next get-together?
    .tulen = 🙋 I'm coming!
    .ehka = 🤔 Maybe
    .en = 🙅 Can't make it this time
vp-yhteinen-mukaan-vinkki = In this poll the group sees who answered what. Use it only for sign-ups.
vp-yhteinen-kiitos = 🙏 Round of thanks! Thank someone in the group for something they did this week. A small thing is enough.
vp-yhteinen-muisto = What's the best shared memory from this period? 📸
vp-yhteinen-aika = When would a get-together suit you best?
    .koulupaivana = 🕐 During the school day
    .koulun-jalkeen = 🏫 Right after school
    .ilta = 🌆 On a weekday evening
    .viikonloppu = 📅 At the weekend
vp-yhteinen-haaste = 😊 Challenge of the week: do something small and kind for someone in the group – say hi, help or give praise. Tell us at the end of the week how it felt!
