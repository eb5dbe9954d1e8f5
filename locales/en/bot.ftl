# Kohtaamo — general messages. Messages are Telegram HTML: write &lt; and &amp;.

## Command menu
cmd-start = Start
cmd-help = Help and crisis lines
cmd-language = Change language
cmd-checkin = Answer the check-in
cmd-talk = Ask your coach for a talk
cmd-my-data = See what is stored about you
cmd-export = Download your data as a file
cmd-pause = Pause the check-ins
cmd-erase = Delete your data and leave Kohtaamo
cmd-my-trend = Your own trend as a chart
cmd-peer-prompts = Group prompts on or off
cmd-students = My students
cmd-followups = Open cases and follow-ups
cmd-log-contact = Log a contact
cmd-history = A student's case history
cmd-groups = Groups
cmd-link = Link this group chat to a group
cmd-broadcast = Send a prompt or poll to a group
cmd-poll-results = Poll results
cmd-schedule = Check-in schedules
cmd-admin = Admin: groups, invites, coaches
cmd-report = Report (aggregates only)
cmd-phenomena = Phenomena and plans
cmd-cases-export = Cases and contacts as CSV files

## Start and language
start-welcome =
    Hi! I'm <b>Kohtaamo</b>, your school's chat bot. 👋
    Now and then I ask briefly how you're doing, and I help you reach your own coach.

    To join, you need your personal invite link from school. First, choose a language:
start-welcome-back = Hi { $name }! Good to see you again. Type /checkin to tell me how you're doing, or /help if you need help.
language-choose = Which language would you like me to use with you?
language-name = English
language-set = Okay! I'll use English with you now.

## Help
help-student =
    <b>How Kohtaamo works</b>
    /checkin – tell me how you're doing
    /talk – ask your coach for a talk
    /my_trend – your own trend as a chart
    /my_data – see what is stored about you and who has looked
    /export – download your data as a file
    /pause – pause the check-ins
    /group_prompts – group prompts on or off
    /delete_me – delete your data and leave Kohtaamo
    /language – change language

    Your coach sees your answers. The school's coordinator sees open alerts, and reports only show numbers without names. Nobody's answers are ever shown in a group.
help-staff =
    <b>Kohtaamo for staff</b>
    /students – your students
    /followups – your open cases, most urgent first
    /log_contact – log a contact
    /history – a student's case history
    /groups – groups
    /broadcast, /schedule, /poll_results – for group coaches
    /report, /phenomena, /admin, /cases – for the coordinator
    /language – change language

    Every look at a student's data is written to the audit log.
help-crisis =
    <b>If you need help right now</b>
    { crisis-contacts }

## Errors and bad input
unknown-command = I don't know the command { $command }. Type /help to see what I can do.
group-use-private = This only works in a private chat. Open a chat with me and try there.
not-enrolled = Thanks for your message! You're not in Kohtaamo yet. Ask your coach for your personal invite link to get started.
text-no-checkin = Thanks for your message, { $name }! I'm a bot, and I don't pass this message on. But if you tell me you are in danger, I tell an adult at school. If you'd like to talk with a person, type /talk – your coach will then be told. To tell me how you're doing, type /checkin. If you need help right now, type /help.
staff-text-help = Type /help to see the commands.
unsupported-message = I can't see pictures or hear voice messages – I only understand text and button presses. If you're in trouble right now, write it to me or call 112. Type /help for instructions.
students-only = The check-in is for students.
not-allowed = This isn't available to you. Type /help to see your commands.
error-generic = Oops, something went wrong on my side. Nothing was lost – please try again in a moment.
error-generic-short = Something went wrong. Please try again.
# The same two words on every menu that can be left or stepped back in.
button-cancel = ✖️ Cancel
button-back = ⬅️ Back
callback-invalid = This button doesn't work. Type /help if you need help.
callback-not-yours = This button isn't yours.
callback-expired = This button has expired.

## Check-in
checkin-continue = Let's continue where you left off:
checkin-superseded = The check-in was updated in the meantime. Thanks for your answers so far! You can start a new one with /checkin.
checkin-already-answered = Already answered 👍
checkin-closed = This check-in has already closed. You can start a new one with /checkin.
checkin-answer-saved = Saved ✓
checkin-thanks = Thanks for your answers, { $name }!
checkin-reminder = Hi { $name }! Your check-in is still waiting. It only takes a couple of minutes. 🙂
hint-type-answer = <i>Type your answer as a message (at most { $limit ->
        [one] 1 character
       *[other] { $limit } characters
    }).</i>
hint-multichoice = <i>Choose all that fit, then press Done.</i>
hint-date = <i>Choose a day or type it like this: 24.11.</i>
answer-yesno = Yes or no?
    .kylla = Yes
    .ei = No
answer-words = Words that mean yes or no
    .kylla = yes, yeah, yep, y
    .ei = no, nope, nah, n
button-skip = Skip
button-done = Done ✔️
answer-skipped = Skipped
answer-none-chosen = None of these
date-choice = Day
    .today = Today { $date }
    .yesterday = Yesterday { $date }
    .tomorrow = Tomorrow { $date }
    .later = In { $days ->
        [one] 1 day
       *[other] { $days ->
        [one] 1 day
       *[other] { $days } days
    }
    } { $date }
    .earlier = { $days ->
        [one] 1 day
       *[other] { $days ->
        [one] 1 day
       *[other] { $days } days
    }
    } ago { $date }
answer-not-skippable = This one needs an answer.
answer-invalid = That option doesn't exist.
answer-text-empty = Your message was empty. Type your answer or press Skip.
answer-text-too-long = Your message is a bit too long ({ $length ->
        [one] 1 character
       *[other] { $length } characters
    }). Could it fit in { $limit }? You can also tell your coach more.
answer-use-buttons = Choose the options with the buttons, then press Done.
answer-type-hint = I didn't quite get that. Choose a button or type a number.
answer-date-hint = I didn't recognise the day. Type it like this: 24.11. or 24.11.2026.
