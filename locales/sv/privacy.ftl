# Studerandes egna uppgifter: /mina_uppgifter, /exportera, /radera, /paus. Telegram-HTML.

## /mina_uppgifter
mydata-title = <b>Det här vet jag om dig, { $name }</b>
mydata-basics-title = <b>Grunduppgifter</b>
mydata-name = Namn: { $name }
mydata-group = Grupp: { $group }
mydata-coach = Coach: { $coach }
mydata-backup = Reservcoach: { $backup }
mydata-joined = Med sedan: { $date }
mydata-born = Födelsedatum: { $date } (från skolans lista; utifrån det vet de vuxna om de har anmälningsplikt, om du berättar att du är i fara)
mydata-paused = Paus från enkäterna: till { $date }
mydata-not-paused = Paus från enkäterna: nej
mydata-language = Språk: { $language }
mydata-telegram = Telegram-id: { $id }
mydata-checkins-none = <b>Enkäter</b>: du har inte svarat på någon ännu.
mydata-checkins-title = <b>Enkäter</b> ({ $count }) – de senaste först:
mydata-checkins-more = …och { $count } äldre. Allt får du som fil med /exportera.
mydata-session-status = Status
    .open = pågår
    .completed = besvarad
    .expired = blev obesvarad
    .cancelled = avbruten
    .superseded = avslutades
mydata-concerns-none = <b>Oro och kontakter</b>: inga.
mydata-concerns-title = <b>Oro och kontakter</b> – det här ser din coach, din reservcoach och skolans koordinator (och kuratorn, om det gäller din trygghet hemma):
mydata-concern = • { $date }: { $level } ({ $status }, { $holder })
mydata-level = Nivå
    .info = för kännedom
    .concern = oro
    .urgent = brådskande
    .crisis = kris
mydata-concern-status = Status
    .open = öppen
    .acknowledged = tagen om hand
    .contacted = kontakt tagen
    .followup = följs upp
    .closed = avslutad
mydata-contact = • { $date }: kontakt ({ $channel }), { $coach }
mydata-noticed = <b>Det här märkte jag i dina meddelanden</b>: { $topics }. Om jag märker något oroande får din coach veta det – det säger jag alltid till dig först.
mydata-noticed-topic = { $topic } ({ $count } { $count ->
    [one] gång
   *[other] gånger
})
mydata-safety-title = <b>När jag frågade om du är trygg</b>:
mydata-safety-row = • { $date }: { $answer ->
    [safe] du svarade att du är trygg
    [unsafe] du svarade att du inte är trygg – vuxna fick veta det genast
    [timeout] du svarade inte – din coach fick veta det, så att någon frågar hur du mår
   *[open] frågan väntar på ditt svar
}{ $shared ->
    [yes] ; du ville att din coach ska veta
    [no] ; du ville inte att det förs vidare
   *[none] {""}
}
mydata-followup = • Nästa kontakt överenskommen { $date } ({ $done ->
    [yes] gjord
   *[no] kommande
})
mydata-audit-none = <b>Vem som har hanterat dina uppgifter</b>: ingen i personalen ännu.
mydata-audit-title = <b>Vem som har hanterat dina uppgifter</b>:
mydata-audit-row = • { $when }: { $who } – { $what }
mydata-audit-someone = en i personalen
mydata-audit-more = …och { $count ->
    [one] en tidigare gång
   *[other] { $count } tidigare gånger
}.
audit-what = hanterade dina uppgifter
    .students_list = tittade på sin lista över studerande
    .student_card = öppnade dina uppgifter
    .roster_view = tittade på gruppens namnlista
    .coach_assigned = bytte din coach
    .student_link = gjorde en inbjudningslänk åt dig
    .student_access_refused = försökte öppna dina uppgifter men fick inte
    .cases_list = såg ditt ärende i listan över öppna ärenden
    .case_card = öppnade uppgifterna om ditt ärende
    .case_history = tittade på din ärendehistorik
    .contact_log_opened = började föra in en kontakt med dig
    .study_status_set = antecknade hur dina studier står
    .contact_pick_list = såg ditt namn i listan när hen skulle registrera en kontakt
    .history_pick_list = såg ditt namn i listan när hen skulle se en ärendehistorik
    .cases_export = exporterade ärendeuppgifter till en fil
    .contact_logged = registrerade en kontakt som gällde dig
    .concern_closed = avslutade ditt ärende
    .concern_alert = fick en anmälan skickad till sig, så att hen tar kontakt med dig
    .concern_acknowledged = kvitterade anmälan och lovade ta kontakt med dig
    .digest = fick en veckosammanfattning skickad till sig där du nämndes
    .handover_request = ombads ta över ditt ärende
    .handover_accepted = tog över ditt ärende
mydata-footer = Vill du ha det som fil? /exportera. Paus från enkäterna: /paus. Radera allt: /radera. Om något är fel, berätta det för din coach.

## /exportera
export-about = Allt som sparats om dig i Kohtaamo, tabell för tabell. Id-nummer kopplar ihop raderna.
export-caption = Här är alla dina uppgifter som fil (JSON). Filen är bara för dig – förvara den väl.

## /radera
erase-ask =
    <b>Ska alla dina uppgifter raderas från Kohtaamo?</b>

    Dina svar, dina meddelanden och allt annat som sparats om dig raderas genast från Kohtaamo och kan inte återställas. Din coach får veta att du slutade – inget annat.

    Två saker blir kvar: meddelanden om dig som personalen redan har fått i Telegram raderar jag ur deras chattar om de skickades under de senaste två dygnen – äldre låter Telegram inte radera. Och i skolans säkerhetskopior finns dina uppgifter kvar tills de gamla kopiorna tas bort (vanligen inom två veckor).

    Om du bara vill ta det lugnt räcker /paus. Om du först vill spara dina uppgifter: /exportera.
erase-yes = 🗑️ Ja, radera allt
erase-no = Nej, ändå inte
erase-cancelled = Bra, ingenting raderades. 🙂
erase-confirmed = 🗑️ <i>Raderat.</i>
erase-done = Dina uppgifter är nu raderade från Kohtaamo. Tack för att du var med. 💙 Om du vill komma tillbaka någon gång, be skolan om en ny inbjudningslänk. Hjälp får du alltid: 112 eller /hjalp.
erase-staff = Du har också en roll i personalen, så jag kan inte radera dina uppgifter här. Be skolans koordinator sköta det.
erase-coach-note = { $name } ({ $group }) lämnade Kohtaamo och raderade sina uppgifter. Det finns inte längre några uppgifter om hen i Kohtaamo. Om ni hade kommit överens om något, håll kontakten på vanligt sätt.

## /paus
pause-ask = <b>Paus från enkäterna?</b> Under pausen kommer inga enkäter. Din coach ser att du har paus – ingen frågar varför. Hur lång paus?
pause-week = 1 vecka
pause-two-weeks = 2 veckor
pause-pick-date = 📅 Jag väljer dag
pause-cancel = Ingen paus
pause-cancelled = Okej, ingen paus. 🙂
pause-type-date = Till vilken dag vill du ha paus? Skriv dagen, till exempel { $example }
pause-date-hint = Jag kände inte igen dagen. Skriv den så här: { $example }
pause-date-range = Välj en dag mellan i dag och { $last }.
pause-set = ⏸️ Pausen gäller till { $date }. Enkäterna fortsätter { $resume }. Du kan komma tillbaka tidigare med /paus – och /hjalp fungerar alltid.
pause-on = ⏸️ Du har paus från enkäterna till { $date }.
pause-resume = ▶️ Fortsätt med enkäterna nu
pause-change = Ändra dag
pause-change-ask = ⏸️ Din paus gäller nu till { $date }. Hur lång paus, räknat från i dag?
pause-keep = Behåll dagen
pause-kept = Okej, dagen är densamma: pausen gäller till { $date }.
pause-moved = ⏸️ Dagen är ändrad: pausen gäller nu till { $date }, och enkäterna fortsätter { $resume }. Du kan komma tillbaka tidigare med /paus – och /hjalp fungerar alltid.
pause-resumed = ▶️ Välkommen tillbaka, { $name }! Enkäterna fortsätter som vanligt.
pause-none = Du har ingen paus just nu, { $name }.
pause-ended = Hej { $name }! Din paus är slut och enkäterna fortsätter. Kul att ha dig med igen. 🙂
pause-coach-note = ⏸️ { $name } ({ $group }) har paus från enkäterna till { $date }.
student-coach-changed = Hej { $name }! Din coach är nu <b>{ $coach }</b>. Hen ser dina svar från och med nu och får veta om du behöver stöd.
student-study-interrupted = Hej { $name }! Skolan har antecknat att dina studier har avbrutits, så enkäterna slutar nu. Om det är fel, säg till skolans koordinator. Dina uppgifter ser du med /mina_uppgifter, och du kan radera dem med /radera. Hjälp får du alltid: 112 eller /hjalp.
student-study-transferred = Hej { $name }! Skolan har antecknat att du har bytt till en annan utbildning, så enkäterna slutar nu. Lycka till på det nya stället! Dina uppgifter ser du med /mina_uppgifter, och du kan radera dem med /radera. Hjälp får du alltid: 112 eller /hjalp.
student-study-graduated = Hej { $name }! Grattis till examen! 🎓 Enkäterna slutar nu. Dina uppgifter ser du med /mina_uppgifter, och du kan radera dem med /radera. Hjälp får du alltid: 112 eller /hjalp.
student-study-studying = Hej { $name }! Du är med i Kohtaamo igen, och enkäterna fortsätter. Din coach ser dina svar precis som förut.
