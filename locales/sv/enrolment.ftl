# Gå med via inbjudningslänk: språk → samtycke → med eller inte. Telegram-HTML.

## Öppna länken
invite-hello = Hej! Välj språk.
invite-unknown = Jag känner inte igen den här länken. 🤔 Kontrollera att du öppnade hela länken, eller be din coach eller skolans koordinator om en ny.
invite-used = Den här inbjudningslänken har redan använts. Om det inte var du, berätta det genast för din coach eller skolans koordinator – de gör en ny åt dig.
invite-expired = Den här inbjudningslänken gick ut { $date }. Ingen fara – be din coach eller skolans koordinator om en ny.
invite-already-joined = Du är redan med, { $name } 👍 Skriv /hjalp så ser du vad du kan göra.
invite-already-student = Du är redan med i Kohtaamo som { $name }. Om länken är ny för dig, berätta det för skolans koordinator.
invite-student-link-for-staff = Det här är en studerandes egen inbjudningslänk och kan inte användas med ett personalkonto. Ge länken till den studerande – den fungerar fortfarande.
invite-staff-link-for-student = Den här inbjudningslänken är för skolans personal, så jag tar den inte i bruk på ditt konto. Om du fick den av misstag, berätta det för din coach.
invite-not-for-you = Den här inbjudningslänken är gjord för en annan person, så jag kan inte ta den i bruk på ditt konto. Be skolans koordinator om en egen länk.

## Samtycke (studerande)
consent-title = <b>Hej { $name }! Innan vi börjar</b>
consent-intro = Då och då frågar jag kort hur du mår. Dina svar ser din egen coach <b>{ $coach }</b>, så att hen kan stötta dig i tid.
consent-collected = 📝 <b>Vad som sparas:</b> ditt namn, din grupp ({ $group }), dina svar på enkäterna, det du själv skriver och när du svarade – och ditt födelsedatum, om skolan har gett det.
consent-who = 👀 <b>Vem som ser:</b> din coach { $coach } ser dina svar.
consent-backup = Om hen inte hinner i tid, eller om det gäller en kris, får också din reservcoach { $backup } veta det.
consent-others = Skolans koordinator ser alla öppna ärenden med namn. Om du berättar om våld eller att du inte är trygg, får också skolkuratorn veta det, förutom din coach. Om någon annan sköter ditt ärende (till exempel reservcoachen), ser hen dina uppgifter så länge ärendet pågår. I rapporterna finns bara siffror utan namn, och varje siffra gäller minst { $k } studerande. Varje gång någon tittar på dina uppgifter blir det en anteckning som du själv kan se.
consent-never = 🔒 <b>Det här gör Kohtaamo inte:</b> dina svar visas inte i gruppchatten eller för andra studerande, och de skickas inte till din vårdnadshavare. Om du är i fara måste de vuxna i skolan agera, och ibland måste de berätta det för andra, till exempel din vårdnadshavare eller barnskyddet. Då får du oftast veta i förväg vem som får veta och varför.
consent-retention = 🗓️ <b>Hur länge:</b> dina svar sparas högst { $period }, sedan raderas de.
consent-control = ✋ <b>Du bestämmer:</b> /paus tar en paus från enkäterna, /mina_uppgifter visar allt som sparats och /radera raderar allt. Du kan sluta när du vill.
consent-under-18 = Om du är under 18 år får du ändå bestämma själv. Om du vill kan du först prata om det med din vårdnadshavare eller din coach.
consent-bot = Jag är en bot, inte en människa. Om du är i nöd, ring 112 eller se /hjalp.
consent-coach-unknown = (meddelas snart)
consent-accept = ✅ Jag godkänner och går med
consent-decline = Jag vill inte vara med
consent-change-language = 🌐 Byt språk
consent-accepted = ✅ <i>Du godkände det här { $date }.</i>

## Inbjudan för personal
invite-staff-coach = Du har bjudits in till Kohtaamo som <b>coach</b> med namnet <b>{ $name }</b>.
invite-staff-coach-noname = Du har bjudits in till Kohtaamo som <b>coach</b>.
invite-staff-group-coach = Du har bjudits in till Kohtaamo som <b>gruppcoach</b> för gruppen <b>{ $group }</b> med namnet <b>{ $name }</b>.
invite-staff-group-coach-noname = Du har bjudits in till Kohtaamo som <b>gruppcoach</b> för gruppen <b>{ $group }</b>.
invite-staff-coordinator = Du har bjudits in till Kohtaamo som <b>koordinator</b> med namnet <b>{ $name }</b>.
invite-staff-coordinator-noname = Du har bjudits in till Kohtaamo som <b>koordinator</b>.
invite-staff-welfare = Du har bjudits in till Kohtaamo som <b>skolkurator</b> med namnet <b>{ $name }</b>. Du får ett larm tillsammans med coachen när en studerande berättar om våld eller att hen inte är trygg.
invite-staff-welfare-noname = Du har bjudits in till Kohtaamo som <b>skolkurator</b>. Du får ett larm tillsammans med coachen när en studerande berättar om våld eller att hen inte är trygg.
invite-staff-terms = Du ser bara det som ditt uppdrag kräver. Varje gång du tittar på en studerandes uppgifter blir det en anteckning som den studerande själv ser. Dela inte studerandes uppgifter i gruppchatten.
invite-staff-accept = ✅ Gå med
invite-staff-decline = Inte nu

## Med
welcome-student =
    Välkommen med, { $name }! 🎉 Din coach är <b>{ $coach }</b>. Hen får veta om dina svar visar att du behöver stöd – eller om du själv ber om att få prata.

    Enkäterna kommer enligt din grupps schema. Du kan berätta hur du mår redan nu: /hurmardu. Alla kommandon ser du i menyn eller med /hjalp.
welcome-student-no-coach =
    Välkommen med, { $name }! 🎉 Jag berättar snart vem som är din coach.

    Du kan berätta hur du mår redan nu: /hurmardu. Alla kommandon ser du i menyn eller med /hjalp.
welcome-coach = Välkommen, { $name }! Du är nu coach i Kohtaamo. /studerande visar dina studerande och hur det går för dem. Du får ett meddelande av mig när någon av dem behöver stöd.
welcome-group-coach = Välkommen, { $name }! Du är nu gruppcoach för gruppen <b>{ $group }</b>. /grupper visar dina grupper.
welcome-coordinator = Välkommen, { $name }! Du är nu koordinator i Kohtaamo. /hantera: grupper, inbjudningslänkar, coacher och studerandelistor.
welcome-welfare = Välkommen, { $name }! Du är nu skolkurator i Kohtaamo. Du får genast ett meddelande när en studerande berättar om våld, sexuellt våld eller att hen inte har någon trygg plats att vara – samtidigt som hens coach.
coach-student-joined = 👋 { $name } ({ $group }) gick med i Kohtaamo. Du ser hen med /studerande.
admin-staff-joined = ✅ { $name } gick med i Kohtaamo: { $role }.

## Inte med
decline-done = <i>Du gick inte med.</i>
decline-student =
    Okej, det är ditt beslut. 🙂 Varken dina svar eller ditt Telegram-id sparades. På skolans lista finns bara ditt namn, din grupp, din coach och att du inte ville vara med.

    Om du ändrar dig, öppna samma länk igen senast { $date }.
decline-staff = Okej. Ingenting sparades. Länken fungerar till { $date } om du ändrar dig.

## Gemensamt
callback-used = Den här knappen har redan tryckts – ingenting gjordes på nytt.
when-at = { $date } kl. { $time }
period-years = { $n ->
    [one] ett år
   *[other] { $n } år
}
period-months = { $n ->
    [one] en månad
   *[other] { $n } månader
}
period-days = { $n ->
    [one] en dag
   *[other] { $n } dagar
}
role-name = Roll
    .student = studerande
    .coach = coach
    .group-coach = gruppcoach
    .coordinator = koordinator
    .welfare = kurator
