### Schedules, rounds and delivery reports (/schedule). For staff.
### Keep exactly the same ids and attributes as the fi and sv files.

## Time and schedule

schedule-weekday = Weekday
    .d1 = Mon
    .d2 = Tue
    .d3 = Wed
    .d4 = Thu
    .d5 = Fri
    .d6 = Sat
    .d7 = Sun
schedule-when = { $weekday } { $date } at { $time }
schedule-every = { $n ->
        [1] every week
        [2] every other week
        [3] every third week
        [4] every fourth week
       *[other] every { $n } weeks
    }
schedule-range-open = from { $from }
schedule-range = { $from }–{ $to }
schedule-policy = Holidays and breaks
    .skip = no check-in during breaks
    .shift = moved from a break to the next school day
schedule-line = <b>{ $flow }</b> · { $days } at { $time } · { $every } · { $range } · { $policy }
schedule-line-prompt = <b>{ $flow }</b> · { $audience } · { $days } at { $time } · { $every } · { $range } · { $policy }
schedule-prompt-theme = 💬 { $theme }
schedule-prompt-one = 💬 { $theme }: ”{ $prompt }”
schedule-audience = Where
    .chat = to the group chat
    .private = privately to each student
schedule-policy-prompt = Holidays and breaks
    .skip = no prompt during breaks
    .shift = moved from a break to the next school day
schedule-next = Next: { $when }
schedule-next-none = No upcoming check-ins.

## Buttons

schedule-button = Buttons
    .new = ➕ New schedule
    .report = 📊 Report { $n }
    .remove = 🗑 Remove { $n }
    .groups = ⬅️ Groups
    .done = Done ✔️
    .save = ✅ Save
    .confirm-remove = Yes, remove
    .type-time = ⌨️ Other time
    .type-range = ⌨️ Type the dates
    .open-range = From now on, until further notice
    .school-year = Until the end of the school year ({ $date })
    .skip = Skip it
    .shift = Move it to the next school day
    .chat = 💬 To the group chat
    .private = 👤 Privately to each student

## Making a schedule

schedule-no-groups = You have no groups whose schedules you could manage. The coordinator can add you as a group's group coach.
schedule-choose-group = Which group's schedules?
schedule-menu-title = <b>Check-in schedules: { $group }</b>
schedule-menu-empty = The group has no schedules yet. Make the first one with the button.
schedule-new-title = <b>New schedule for { $group }</b>
schedule-ask-flow = Which check-in should be sent?
schedule-ask-flow-themes = The 💬 buttons are discussion prompts for the group: each time, the theme's next prompt the group hasn't had yet goes out.
schedule-ask-audience = Where should the prompts go?
schedule-audience-no-chat = The group has no linked chat. To send the prompts to the group chat, add me there and send /link in the chat.
schedule-ask-days = On which weekdays? Choose one or more, then press Done.
schedule-ask-time = At what time? During a student's quiet hours (usually 21–8) the message waits until morning.
schedule-ask-time-typed = Type the time, for example 9:15.
schedule-ask-every = How often?
schedule-ask-range = When is the schedule in force?
schedule-ask-range-typed = Type the first and last day, for example 1.12.2026–31.5.2027. If the schedule has no end, type just the first day.
schedule-ask-break = If a check-in day falls on a break or a public holiday, what should happen?
schedule-confirm = Please check:
schedule-upcoming = Next check-ins:
schedule-upcoming-skip = { $when } – no check-in ({ $name })
schedule-saved = ✅ The schedule is saved. The first check-in goes out { $when }.
schedule-saved-none = ✅ The schedule is saved, but it has no check-in days while it is in force.
schedule-cancelled = All right, the schedule was not saved.
schedule-remove-confirm = Remove this schedule? Check-ins already sent and their reports are kept.
schedule-removed = 🗑 The schedule is removed. No more check-ins will be sent by it.
schedule-days-needed = Choose at least one day.
schedule-saved-already = This is already saved.
schedule-bad-time = I did not recognise the time. Type it like this: 9:15.
schedule-bad-range = I did not recognise the dates. Type them like this: 1.12.2026–31.5.2027 (or just the first day).
schedule-range-past = The last day has already passed. Type a day that is still ahead.
schedule-exists = The group already has a schedule for this check-in. Remove the old one first if you want to change it.
schedule-not-yours = You cannot manage this group's schedules.
schedule-gone = This schedule no longer exists.

## Delivery report (counts only, never names or answers)

schedule-report-title = <b>Report: { $flow }</b> · { $group }
schedule-report-none = This schedule has no rounds yet.
schedule-report-head = <b>{ $when }</b>
schedule-report-sent = Sent { $sent }/{ $total } · answered { $answered }
schedule-report-waiting = Waiting to be sent: { $count } (quiet hours or a retry)
schedule-report-failed = Could not be sent: { $count }
schedule-report-unreachable = Unreachable (blocked the bot): { $count }
schedule-report-already = Already answered or in progress: { $count }
schedule-report-paused = On a pause: { $count }
schedule-report-inactive = Not joined yet: { $count }
schedule-risk-points-flow = { $flow } – only students at a risk point
schedule-ask-flow-risk-points = “Only students at a risk point” goes only to students whose studies began in the last { $start ->
        [one] week
       *[other] { $start } weeks
    }, whose on-the-job learning began in the last { $work ->
        [one] day
       *[other] { $work } days
    }, or who came back from a break in the last { $back ->
        [one] day
       *[other] { $back } days
    }. It can go out on top of the weekly check-in.
schedule-report-not-at-risk-point = Not at a risk point, so not asked: { $count }
schedule-report-shifted = Moved because of a break: { $name }
schedule-report-skipped = No check-in: { $name }
schedule-report-collides = No check-in: the break lasted until the next check-in
schedule-report-missed = Not sent: Kohtaamo was not running in time
schedule-report-superseded = Not sent: a newer check-in was sent instead
schedule-report-broken = Not sent: the check-in could not be found

## Notes to staff

rounds-missed-intro = ⚠️ <b>Check-ins were not sent</b>
    These scheduled check-ins did not go out on time:
rounds-missed-line = • { $group }: { $flow }, { $when }
rounds-missed-late = – Kohtaamo was not running, and a check-in more than { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    } late is not sent afterwards.
rounds-missed-superseded = – a newer check-in was sent instead.
rounds-missed-flow-missing = – the check-in no longer exists. Check the schedule with /schedule.
rounds-missed-outro = The next check-ins go out as scheduled. Students can always also answer on their own with /checkin.
delivery-unreachable-coach = 📵 <b>{ $name }</b> has blocked Kohtaamo or deleted their Telegram account, so check-ins no longer reach them. Please contact them another way if needed.
