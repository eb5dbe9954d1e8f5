# Joining with an invite link: language → consent → in or not. Telegram HTML.

## Opening the link
invite-hello = Hi! Choose your language.
invite-unknown = I don't recognise this link. 🤔 Check that you opened the whole link, or ask your coach or the school's coordinator for a new one.
invite-used = This invite link has already been used. If it wasn't you, tell your coach or the school's coordinator right away – they'll make you a new one.
invite-expired = This invite link expired on { $date }. No problem – ask your coach or the school's coordinator for a new one.
invite-already-joined = You're already in, { $name } 👍 Type /help to see what you can do.
invite-already-student = You're already in Kohtaamo as { $name }. If this link is new to you, tell the school's coordinator.
invite-student-link-for-staff = This is a student's personal invite link and can't be used with a staff account. Give the link to the student – it still works.
invite-staff-link-for-student = This invite link is for school staff, so I won't use it on your account. If you got it by mistake, tell your coach.
invite-not-for-you = This invite link was made for someone else, so I can't use it on your account. Ask the school's coordinator for your own link.

## Consent (student)
consent-title = <b>Hi { $name }! Before we start</b>
consent-intro = Now and then I'll ask you briefly how you're doing. Your answers are seen by your own coach <b>{ $coach }</b>, so they can support you in time.
consent-collected = 📝 <b>What is saved:</b> your name, your group ({ $group }), your answers, the messages you write yourself and when you answered – and your date of birth, if the school gave it.
consent-who = 👀 <b>Who sees it:</b> your coach { $coach } sees your answers.
consent-backup = If they can't respond in time, or if it is a crisis, your backup coach { $backup } is told too.
consent-others = The school's coordinator sees every open alert, with names. If you tell of violence or of not being safe, the school's social worker (kuraattori) is told too, as well as your coach. If someone else handles your case (for example the backup coach), they see your data while the case is open. Reports only show numbers without names, and every number covers at least { $k ->
        [one] 1 student
       *[other] { $k } students
    }. Every time someone looks at your data, a note is kept that you can see yourself.
consent-never = 🔒 <b>What Kohtaamo does not do:</b> it does not show your answers in a group chat or to other students, and it does not send them to your parents or guardians. If you are in danger, the adults at school must act, and sometimes they have to tell others, for example your guardian or child welfare services. You will then usually be told beforehand who is told and why.
consent-retention = 🗓️ <b>How long:</b> your answers are kept for at most { $period }, then they are deleted.
consent-control = ✋ <b>You decide:</b> /pause takes a break from check-ins, /my_data shows everything saved and /delete_me deletes it all. You can stop any time.
consent-under-18 = If you're under 18, you can still decide this yourself. If you like, talk it over first with a parent, guardian or your coach.
consent-bot = I'm a bot, not a person. In an emergency, call 112 or see /help.
consent-coach-unknown = (coming soon)
consent-accept = ✅ I agree and join
consent-decline = I don't want to join
consent-change-language = 🌐 Change language
consent-accepted = ✅ <i>You agreed to this on { $date }.</i>

## Invite for staff
invite-staff-coach = You've been invited to Kohtaamo as a <b>coach</b>, named <b>{ $name }</b>.
invite-staff-coach-noname = You've been invited to Kohtaamo as a <b>coach</b>.
invite-staff-group-coach = You've been invited to Kohtaamo as the <b>group coach</b> of <b>{ $group }</b>, named <b>{ $name }</b>.
invite-staff-group-coach-noname = You've been invited to Kohtaamo as the <b>group coach</b> of <b>{ $group }</b>.
invite-staff-coordinator = You've been invited to Kohtaamo as a <b>coordinator</b>, named <b>{ $name }</b>.
invite-staff-coordinator-noname = You've been invited to Kohtaamo as a <b>coordinator</b>.
invite-staff-welfare = You've been invited to Kohtaamo as the <b>school social worker (kuraattori)</b>, named <b>{ $name }</b>. You get an alert together with the coach when a student tells of violence or of not being safe.
invite-staff-welfare-noname = You've been invited to Kohtaamo as the <b>school social worker (kuraattori)</b>. You get an alert together with the coach when a student tells of violence or of not being safe.
invite-staff-terms = You only see what your role needs. Every time you look at a student's data, a note is kept that the student can see. Don't share students' data in group chats.
invite-staff-accept = ✅ Join
invite-staff-decline = Not now

## Joined
welcome-student =
    Welcome, { $name }! 🎉 Your coach is <b>{ $coach }</b>. They hear from me if your answers show you could use support – or if you ask to talk.

    Check-ins come on your group's schedule. You can tell me how you're doing right now, too: /checkin. You'll find all commands in the menu or with /help.
welcome-student-no-coach =
    Welcome, { $name }! 🎉 I'll tell you soon who your coach is.

    You can tell me how you're doing right now: /checkin. You'll find all commands in the menu or with /help.
welcome-coach = Welcome, { $name }! You're now a coach in Kohtaamo. /students shows your students and how they're doing. I'll message you when one of them needs support.
welcome-group-coach = Welcome, { $name }! You're now the group coach of <b>{ $group }</b>. /groups shows your groups.
welcome-coordinator = Welcome, { $name }! You're now a Kohtaamo coordinator. /admin: groups, invite links, coaches and student lists.
welcome-welfare = Welcome, { $name }! You're now the school social worker (kuraattori) in Kohtaamo. You'll get a message from me at once when a student tells of violence, sexual violence or having no safe place to be – at the same time as their coach.
coach-student-joined = 👋 { $name } ({ $group }) joined Kohtaamo. You'll find them with /students.
admin-staff-joined = ✅ { $name } joined Kohtaamo: { $role }.

## Not joining
decline-done = <i>You didn't join.</i>
decline-student =
    Okay, it's your call. 🙂 No answers and not your Telegram id were saved. The school's list keeps only your name, your group, your coach and that you didn't want to join.

    If you change your mind, open the same link again by { $date }.
decline-staff = Okay. Nothing was saved. The link still works until { $date } if you change your mind.

## Shared
callback-used = This button has already been pressed – nothing was done again.
when-at = { $date } at { $time }
period-years = { $n ->
    [one] one year
   *[other] { $n } years
}
period-months = { $n ->
    [one] one month
   *[other] { $n } months
}
period-days = { $n ->
    [one] one day
   *[other] { $n } days
}
role-name = Role
    .student = student
    .coach = coach
    .group-coach = group coach
    .coordinator = coordinator
    .welfare = social worker (kuraattori)
