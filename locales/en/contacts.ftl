### Logging a contact (flows/yhteydenotto.yaml) – text for the coach.

flow-yhteydenotto = Logging a contact
q-yht-milloin = When were you in contact?
q-yht-miten = How were you in touch?
    .kasvokkain = Face to face
    .puhelu = By phone
    .viesti = By message
    .wilma = In Wilma
    .ryhmatapaaminen = At a group meeting
    .kotikaynti = On a home visit
    .ei_tavoitettu = Tried, didn't reach
q-yht-yritys = How did you try?
    .puhelu = Called
    .viesti = By message
    .wilma = In Wilma
    .kotikaynti = Home visit
q-yht-tavoitettu = Did you reach the student?
q-yht-keta = Who took part?
    .opiskelija = The student
    .huoltaja = Guardian
    .ammattilainen = Another professional
q-yht-muistiinpano = Note (you can skip): what did you agree on? The student can read this note in their own data (/omat_tiedot), so write it as you would say it to them. Do not write health details here – they belong in the health services' own records.
q-yht-seuraavaksi = What next?
    .seuranta = Agree a follow-up
    .sulje = The case can be closed
    .avoin = Leave it open
q-yht-seuranta-pvm = When will you follow up? I'll remind you then.
q-yht-seuranta-mita = What is planned for then? (optional)
q-yht-sulkemissyy = Why are you closing the case?
    .tilanne_kunnossa = Reached, all is well
    .kuraattori = Referred to the school social worker
    .psykologi = Referred to the psychologist
    .terveydenhoitaja = Referred to the school nurse
    .opinto_ohjaaja = Referred to the study counsellor
    .erityisopettaja = Referred to the special needs teacher
    .ohjaamo = Referred to Ohjaamo
    .etsiva_nuorisotyo = Referred to outreach youth work
    .toinen_koulutus = Moved to another programme
    .ei_tavoitettu = Not reached despite several attempts
close-yht-seuranta = Logged. I'll remind you about the follow-up on the agreed day.
close-yht-suljettu = Logged and the case is closed. Thank you for walking alongside the student.
close-yht = Logged. The case stays open; you'll see it with /followups.

## Texts of logging and cases, for the coach.

flow-about = 🗂️ Student: <b>{ $name }</b>
log-switch-ask = You have an unfinished log about { $old }. Continue it, or start a new log about { $new }? The unfinished log's answers are deleted if you start a new one.
log-switch-continue = Continue: { $name }
log-switch-new = Start new: { $name }
log-pick-title = Who were you in contact with? 📂 = open case. You can also type <code>/log_contact name</code>.
history-pick-title = Whose case history do you want to see? Viewing it is logged.
history-title = <b>Case history: { $name }</b>
history-none = The student has no logged cases.

case-list-empty = You have no open cases. 🌱
case-list-title = <b>Open cases ({ $count })</b> – most urgent first:
case-list-hint = 📝 logs a contact, 🗂️ opens the case, where you can move the follow-up, close the case or hand it over to another coach.
case-list-log = 📝 { $n }. { $name }
case-list-open = 🗂️ { $n }.
case-list-more = Next ›
case-st-overdue = follow-up { $days } d overdue ({ $date })
case-st-unacked = waiting for acknowledgement (since { $date })
case-st-today = follow-up today
case-st-due = follow-up { $date }
case-st-no-step = no next step agreed
case-coach = coach { $name }
case-opened = opened { $date }
case-next = Next follow-up { $date }
case-closed-line = Closed { $date }: { $reason }
case-reached = reached
case-not-reached = not reached
case-note = 📝 <i>{ $text }</i>

case-button-log = 📝 Log a contact
case-button-postpone = 📅 Move the follow-up
case-button-close = ✔️ Close the case
case-button-card = 🗂️ Case
case-reminder = 🔔 <b>Follow-up today: { $student }</b> ({ $group })
    Log how it went, or move the follow-up.
case-overdue = ⏰ <b>Follow-up overdue: { $student }</b> ({ $group })
    Coach { $coach } agreed a follow-up for { $date }, but it has not been logged yet. You can ask the coach how things are, or log it yourself.
case-idle = 🗂️ <b>Open case: { $student }</b> ({ $group })
    Nothing has happened in this case for { $days } school days, and no next step is agreed. Log a contact, agree on a follow-up or close the case.
case-agreed = Agreed: <i>{ $what }</i>
case-postpone-ask = Which day should the follow-up move to? I will remind you then.
case-postpone-option = { $days ->
    [one] Tomorrow ({ $date })
   *[other] In { $days } days ({ $date })
}
case-postponed = 📅 Follow-up moved to { $date }. I will remind you then.
case-close-ask = Why are you closing the case?
case-closed = ✔️ Case closed: { $reason }. Thank you.
case-action-cancelled = Cancelled, nothing was changed.

export-cases-usage = Use it like this: <code>/cases 1.8.2026 30.11.2026</code>. Without dates you get the current school year. Add the word <code>notes</code> if you also need the notes.
export-cases-done = <b>Cases { $start }–{ $end }</b>: { $cases ->
    [one] 1 case
   *[other] { $cases } cases
}, { $contacts ->
    [one] 1 logged contact
   *[other] { $contacts } logged contacts
}. Median times from opening the case:
export-cases-level = { $level }: { $cases }, contacted { $contacted }, closed { $closed } · acknowledgement { $ack }, first contact { $contact }, closure { $closure }
export-cases-no-notes = The files contain no notes. The export has been logged.
export-cases-notes = The files include the notes: keep them safe and delete them when you no longer need them. The export has been logged.

## /historia: did the measure that raised the case recover after the contact (own student).
case-recovery = 📈 { $measure }: before { $before } → after the contact { $after } · { $state ->
        [recovered] recovered
        [not_recovered] did not recover in { $weeks } weeks
        [waiting] not recovered yet
       *[none] no answers since the contact yet
    }
