# A student's own data: /my_data, /export, /delete_me, /pause. Telegram HTML.

## /my_data
mydata-title = <b>This is what I know about you, { $name }</b>
mydata-basics-title = <b>Basics</b>
mydata-name = Name: { $name }
mydata-group = Group: { $group }
mydata-coach = Coach: { $coach }
mydata-backup = Backup coach: { $backup }
mydata-joined = In since: { $date }
mydata-born = Date of birth: { $date } (from the school's list; it tells the adults whether the duty to report applies to them if you tell them you are in danger)
mydata-paused = Break from check-ins: until { $date }
mydata-not-paused = Break from check-ins: no
mydata-language = Language: { $language }
mydata-telegram = Telegram id: { $id }
mydata-checkins-none = <b>Check-ins</b>: you haven't answered any yet.
mydata-checkins-title = <b>Check-ins</b> ({ $count }) – newest first:
mydata-checkins-more = …and { $count } older ones. You get everything as a file with /export.
mydata-session-status = Status
    .open = in progress
    .completed = answered
    .expired = not answered
    .cancelled = cancelled
    .superseded = ended early
mydata-concerns-none = <b>Concerns and contacts</b>: none.
mydata-concerns-title = <b>Concerns and contacts</b> – your coach, your backup coach and the school's coordinator see these (and the school social worker, if it is about your safety at home):
mydata-concern = • { $date }: { $level } ({ $status }, { $holder })
mydata-level = Level
    .info = for information
    .concern = concern
    .urgent = urgent
    .crisis = crisis
mydata-concern-status = Status
    .open = open
    .acknowledged = taken on
    .contacted = contacted
    .followup = being followed up
    .closed = closed
mydata-contact = • { $date }: contact ({ $channel }), { $coach }
mydata-noticed = <b>What I noticed in your messages</b>: { $topics }. If I notice something worrying, your coach is told – and I always tell you first.
mydata-noticed-topic = { $topic } ({ $count } { $count ->
    [one] time
   *[other] times
})
mydata-safety-title = <b>When I asked whether you are safe</b>:
mydata-safety-row = • { $date }: { $answer ->
    [safe] you answered that you are safe
    [unsafe] you answered that you are not safe – adults were told at once
    [timeout] you did not answer – your coach was told, so that someone asks how you are
   *[open] the question is waiting for your answer
}{ $shared ->
    [yes] ; you wanted your coach to know
    [no] ; you did not want it passed on
   *[none] {""}
}
mydata-followup = • Next contact agreed for { $date } ({ $done ->
    [yes] done
   *[no] coming up
})
mydata-audit-none = <b>Who has handled your data</b>: nobody on staff yet.
mydata-audit-title = <b>Who has handled your data</b>:
mydata-audit-row = • { $when }: { $who } – { $what }
mydata-audit-someone = a staff member
mydata-audit-more = …and { $count } earlier times.
audit-what = handled your data
    .students_list = looked at their list of students
    .student_card = opened your details
    .roster_view = looked at the group's name list
    .coach_assigned = changed your coach
    .student_link = made an invite link for you
    .student_access_refused = tried to open your details but was refused
    .cases_list = saw your case in their list of open cases
    .case_card = opened your case details
    .case_history = looked at your case history
    .contact_log_opened = started logging a contact with you
    .study_status_set = recorded the status of your studies
    .contact_pick_list = saw your name in the list when about to log a contact
    .history_pick_list = saw your name in the list when about to view a case history
    .cases_export = exported case data to a file
    .contact_logged = logged a contact about you
    .concern_closed = closed your case
    .concern_alert = was sent an alert so that they get in touch with you
    .concern_acknowledged = acknowledged the alert and said they would get in touch
    .digest = was sent a weekly summary that mentioned you
    .handover_request = was asked to take over your case
    .handover_accepted = took over your case
mydata-footer = Want it as a file? /export. A break from check-ins: /pause. Delete everything: /delete_me. If something is wrong, tell your coach.

## /export
export-about = Everything Kohtaamo has saved about you, table by table. The ids link rows to each other.
export-caption = Here is all your data as a file (JSON). The file is just for you – keep it safe.

## /delete_me
erase-ask =
    <b>Delete all your data from Kohtaamo?</b>

    Your answers, your messages and everything else saved about you are deleted from Kohtaamo right away and can't be brought back. Your coach is told that you left – nothing else.

    Two things stay: messages about you that staff have already received in Telegram are deleted from their chats if they were sent in the last two days – older ones Telegram does not let a bot delete. And the school's backups keep your data until the old backups are removed (usually within two weeks).

    If you just need a breather, /pause is enough. If you'd like a copy of your data first: /export.
erase-yes = 🗑️ Yes, delete everything
erase-no = No, keep it
erase-cancelled = Good, nothing was deleted. 🙂
erase-confirmed = 🗑️ <i>Deleted.</i>
erase-done = Your data is now deleted from Kohtaamo. Thanks for being part of it. 💙 If you'd like to come back some day, ask your school for a new invite link. Help is always there: 112 or /help.
erase-staff = You also have a staff role, so I can't delete your data from here. Please ask the school's coordinator.
erase-coach-note = { $name } ({ $group }) left Kohtaamo and deleted their data. Kohtaamo no longer holds anything about them. If you had agreed on something together, keep in touch the usual way.

## /pause
pause-ask = <b>A break from check-ins?</b> No check-ins come during the break. Your coach sees that you're on a break – nobody asks why. How long?
pause-week = 1 week
pause-two-weeks = 2 weeks
pause-pick-date = 📅 I'll pick a day
pause-cancel = No break
pause-cancelled = Okay, no break. 🙂
pause-type-date = Until which day do you want a break? Type the day, for example { $example }
pause-date-hint = I didn't recognise the day. Type it like this: { $example }
pause-date-range = Pick a day between today and { $last }.
pause-set = ⏸️ Your break lasts until { $date }. Check-ins continue on { $resume }. You can come back earlier with /pause – and /help always works.
pause-on = ⏸️ You're on a break from check-ins until { $date }.
pause-resume = ▶️ Resume check-ins now
pause-change = Change the day
pause-change-ask = ⏸️ Your break is on until { $date }. How long a break, counting from today?
pause-keep = Keep the day
pause-kept = Okay, the day stays the same: your break lasts until { $date }.
pause-moved = ⏸️ Day changed: your break now lasts until { $date }, and check-ins continue on { $resume }. You can come back earlier with /pause – and /help always works.
pause-resumed = ▶️ Welcome back, { $name }! Check-ins continue as usual.
pause-none = You're not on a break right now, { $name }.
pause-ended = Hi { $name }! Your break is over and check-ins continue. Good to hear from you. 🙂
pause-coach-note = ⏸️ { $name } ({ $group }) is taking a break from check-ins until { $date }.
student-coach-changed = Hi { $name }! Your coach is now <b>{ $coach }</b>. From now on they see your answers and hear if you need support.
student-study-interrupted = Hi { $name }! The school has recorded that your studies have been interrupted, so the check-ins stop now. If this is a mistake, tell the school's coordinator. You can see your data with /my_data and delete it with /delete_me. Help is always there: 112 or /help.
student-study-transferred = Hi { $name }! The school has recorded that you moved to another programme, so the check-ins stop now. Good luck in your new place! You can see your data with /my_data and delete it with /delete_me. Help is always there: 112 or /help.
student-study-graduated = Hi { $name }! Congratulations on graduating! 🎓 The check-ins stop now. You can see your data with /my_data and delete it with /delete_me. Help is always there: 112 or /help.
student-study-studying = Hi { $name }! You're back in Kohtaamo, and the check-ins continue. Your coach sees your answers just as before.
