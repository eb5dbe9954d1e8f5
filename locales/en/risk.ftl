### Concerns, alerts and crisis (bot/services/concerns.py, crisis.py, concern_text.py,
### bot/telegram/features/risk.py). Alerts are in the coach's language, messages to the student
### in the student's. Keep the same ids and attributes as the fi and sv files.

## Levels and status

risk-level = Level
    .info = 🔵 For information
    .concern = 🟡 Concern
    .urgent = 🟠 Urgent
    .crisis = 🔴 CRISIS
risk-status = Status
    .open = waiting for acknowledgement
    .acknowledged = acknowledged
    .contacted = contacted
    .followup = follow-up
    .closed = closed
risk-weekday = Weekday
    .d0 = Mon
    .d1 = Tue
    .d2 = Wed
    .d3 = Thu
    .d4 = Fri
    .d5 = Sat
    .d6 = Sun
risk-when = { $day } { $date } at { $hh }:{ $mm }

## Alert to the coach

risk-alert-head = { $badge }: <b>{ $student }</b>
risk-alert-group = group { $group }
risk-alert-backup = ⏰ The coach, { $coach }, has not acknowledged this in time, so you get it as the backup coach.
risk-alert-backup-crisis = You get this at once as the backup coach too, because it is a crisis.
risk-alert-coordinator = ⏰ Nobody has acknowledged this in time (coach: { $coach }). You get it as the coordinator.
risk-alert-fallback = The student has no coach who can be reached, so this came to you.
risk-alert-nobody = none named
risk-alert-deadline = Please acknowledge by { $when }.
risk-alert-crisis-do = <b>Contact the student now.</b> If you suspect immediate danger, call 112. The student was given the crisis line numbers.
risk-alert-student-knows = { $student } knows that this was passed on to you.
risk-alert-updated = 🔄 Updated { $when }: new information on this case.
risk-alert-again = 🔔 <b>New crisis message { $when }</b> – please read and acknowledge again.
risk-alert-acked-you = ✅ You acknowledged this { $when }. The student was told you will get in touch.
risk-alert-acked-other = ✅ { $name } acknowledged this { $when } and will get in touch.
risk-alert-moved = 🔁 The case has moved: { $name } handles it from { $when }.
risk-quote = The student wrote: <i>“{ $text }”</i>
risk-quote-earlier = { $count ->
    [one] (One earlier message is in the case details: /seuranta)
   *[other] ({ $count } earlier messages are in the case details: /seuranta)
}
risk-button-ack = ✋ I'll get in touch
risk-button-log = 📝 Log contact
risk-button-handover = 🔁 Give to another coach

## Facts in the alert: only what is needed to get in touch

risk-measure = Measure
    .wellbeing = coping
    .studies = studies
    .belonging = belonging
    .absence = absences
    .everyday = everyday life
    .quitting = thoughts of quitting
    .start = start of studies
    .worries = worries
    .help_known = knows whom to ask for help
    .workplace = feeling at the workplace
    .guidance = guidance at the workplace
    .safety = safety at the workplace
    .workload = workload
    .meaning = studies feel important
    .trusted_adult = a trusted adult at school
    .loneliness = loneliness
    .field_change = thoughts of changing field
risk-fact-answer = { $label }: { $answer }
risk-fact-question = { $label } <i>{ $answer }</i>
risk-fact-same = { $label } { $answer } { $count ->
        [2] twice in a row
        [3] three times in a row
       *[other] { $count } times in a row
    }
risk-fact-trend = { $label }: { $answers }
risk-fact-missed = { $count } check-ins in a row unanswered (pauses and breaks do not count)
risk-fact-channel = would like contact: { $how }

## Reasons the flows do not define

risk-r-talk = The student asked for a talk themselves (/talk)
risk-r-coach = The coach opened the case when logging a contact
risk-r-review-note = The free text mentioned something crisis-related in a negative form – read it and consider checking in
risk-share-review-note = Your coach, { $coach }, will see what you wrote at the end in the weekly summary, so they can ask how you are if needed.

## Crisis: the immediate reply to the student

risk-crisis-reply = { $name }, thank you for telling me this. 💛
risk-crisis-reply-anon = Thank you for telling me this. 💛
risk-crisis-told = <b>I am passing this on right away:</b> { $who } will get the message. I will tell you when someone has seen it and is getting in touch.
risk-crisis-after-hours = It is outside the school day now, so { $who } may not see this before the next school day, which starts { $when }.
risk-alert-on-call = You get this as the on-call person, because it is outside school hours.
risk-alert-welfare = You get this at once as the school's social worker (kuraattori), because the student told of violence or of not being safe. The coach ({ $coach }) got the same message – agree who gets in touch.
risk-alert-welfare-coordinator = You get this at once as coordinator, because there is no social worker (kuraattori) in Kohtaamo who can be reached and the student told of violence or of not being safe. The coach ({ $coach }) got the same message. You can invite a social worker with /admin.
risk-alert-duty-minor = ⚖️ <b>Duty to report:</b> { $student } is under 18. File a child welfare notification (lastensuojeluilmoitus) without delay – the duty is personal, and confidentiality does not prevent it. If you suspect a sexual offence or assault, report it to the police as well.
risk-alert-duty-unknown = ⚖️ <b>Duty to report:</b> Kohtaamo does not have the student's date of birth. If { $student } is under 18, file a child welfare notification (lastensuojeluilmoitus) without delay – the duty is personal. If you suspect a sexual offence or assault, report it to the police as well.
risk-alert-duty-adult = { $student } is an adult, so no child welfare notification is made about them. If children under 18 live in the same home, make one about them. You can also refer them to social services (Social Welfare Act, section 35). Support them in getting help (e.g. Nollalinja, the school nurse, the police) and note what you agree on.
risk-crisis-on-call = It is also going now to the school's on-call person: { $name }.
risk-crisis-service = Your school's after-hours service: <b>{ $service }</b>.
risk-after-hours-head = 🌙 <b>Crisis messages outside school hours</b>
risk-after-hours-acked = • { $student }, { $at }: acknowledged by { $name } { $when }
risk-after-hours-open = • { $student }, { $at }: <b>not acknowledged yet</b>
risk-crisis-again = I read your message and am passing it on too.
risk-who-coach = your coach, { $name },
risk-who-school = the staff at your school
risk-who-welfare = your school's social worker (kuraattori), { $name }
risk-who-coordinator = your school's coordinator, { $name }
risk-crisis-told-also = The message also goes to { $who } – they help with things like this.

## To the student when the coach has seen the message

risk-student-ack = { $name } has seen what you told us and will get in touch with you. 💬
risk-student-ack-other = { $name } from your school has seen what you told us and will get in touch with you on your coach's behalf. 💬
risk-student-ack-silence = Hi { $student }! { $name } will get in touch with you soon to ask how you are doing. 🙂
risk-student-handover = Your matter is now handled by { $name }. They will get in touch with you. You can always write /talk if you'd like to talk.

## /talk

risk-talk-ask = Great that you'd like to talk! 😊 How would you like { $who } to get in touch with you?
risk-talk-channel = Way
    .kasvokkain = 🤝 Face to face at school
    .puhelu = 📞 By phone
    .viesti = 💬 By message
risk-talk-how = Way
    .kasvokkain = face to face
    .puhelu = by phone
    .viesti = by message
risk-talk-told = All right! I'll pass this on: { $who } will be told that you'd like to talk { $how } and will get in touch with you.
risk-talk-cancelled = All right, I didn't send anything. You can ask for a talk any time: /talk
risk-talk-done = Chosen: { $how } ✓

## The coach's buttons

risk-not-your-case = This case is not yours.
risk-case-moved = This case has been handed over to another coach.
risk-case-closed = This case is already closed.
risk-already-acked = This has already been acknowledged ({ $name }).
risk-acked-toast = Thank you! The student will be told you will get in touch.

## Handing over to another coach

risk-handover-pick = Who should take over the case of <b>{ $student }</b>? They get a request and can accept it. Until then the case stays with you.
risk-handover-nobody = No other coaches were found. Ask the coordinator to add a coach.
risk-handover-note = Write a short note to the recipient ({ $name }): what should they know? Please no health details. You can also send the request without a note.
risk-handover-send-plain = Send without a note
risk-handover-note-too-long = The note is a bit too long ({ $length ->
        [one] 1 character
       *[other] { $length } characters
    }). Could it fit in { $limit }?
risk-handover-request = 🔁 <b>Hand-over request</b>: { $from } asks you to take over this case.
risk-handover-note-shown = Note: <i>{ $note }</i>
risk-button-accept = ✅ I'll take it
risk-button-decline = I can't take it
risk-handover-sent = Request sent to { $name }. The case stays with you until they accept it.
risk-handover-accepted-you = ✅ You took over the case. The student will be told you handle it now.
risk-handover-accepted = ✅ { $name } took over the case of { $student }. Thank you!
risk-handover-declined = { $name } could not take the case of { $student }. It is still with you.
risk-handover-declined-you = All right, you declined. { $from } will be told.
risk-handover-stale = This request can no longer be used.
risk-handover-cancelled = Hand-over cancelled. The case is still with you.

## The coach's weekly digest (Monday morning)

risk-digest-title = 📋 <b>Weekly digest, week { $week }</b> – your students: { $count }
risk-digest-response = Answers to last week's check-ins: { $answered }/{ $total } ({ $percent } %)
risk-digest-response-none = There were no scheduled check-ins last week.
risk-digest-missing = Did not answer: { $names }
risk-digest-open = <b>Open cases</b>
risk-digest-open-none = No open cases. 👍
risk-digest-open-line = { $badge } { $student }: { $reason } – { $status } (since { $since })
risk-digest-overdue = ⏰ acknowledgement overdue
risk-digest-info = <b>For information</b>
risk-digest-info-none = Nothing new for information.
risk-digest-followups = <b>Overdue follow-ups</b>
risk-digest-followup-line = { $student }: { $what } (agreed for { $due })
risk-digest-followup-nothing = follow-up
risk-digest-footer = Open cases: /followups · log a contact: /log_contact
