# Coacher (/studerande, /grupper), koordinator (/hantera) och import av studerandelistor.

## /studerande
coach-list-title = <b>Dina studerande ({ $count })</b>
coach-list-hint = Öppna en studerandes uppgifter med knappen eller skriv /studerande och namnet. Varje gång du tittar antecknas det, och den studerande ser det.
coach-handed-title = <b>Ärenden som överförts till dig</b>
coach-no-students = Inga studerande har kopplats till dig ännu. Skolans koordinator lägger till dem.
coach-no-match = Bland dina studerande finns ingen med namnet ”{ $name }”.
coach-not-your-student = Det här är inte din studerande.
coach-student-gone = Den här studerande finns inte längre i Kohtaamo.
coach-st-invited = ✉️ har inte gått med ännu
coach-st-declined = 🚫 ville inte vara med
coach-st-left = slutade
coach-st-last = svarade senast { $date }
coach-st-never = inga svar ännu
coach-st-paused = ⏸️ paus till { $date }
coach-st-unreachable = 📵 nås inte på Telegram
coach-st-concerns = ⚠️ öppen oro: { $count }
coach-card-group = Grupp: { $group }
coach-card-status = Status: { $status }
coach-card-st = Status
    .invited = inbjuden, har inte gått med ännu
    .active = med
    .declined = ville inte vara med
    .left = slutade
coach-card-joined = Med sedan: { $date }
coach-card-coaches = Coach: { $coach } · reservcoach: { $backup }
coach-card-checkins = Senaste svar: { $last } · svar på 4 veckor: { $recent }
coach-card-concerns = ⚠️ Öppen oro: { $levels }
coach-card-paused = ⏸️ Paus från enkäterna till { $date }
coach-card-unreachable = 📵 Nås inte på Telegram (blockerade boten eller tog bort sitt konto)
coach-card-handed = Du ser den här studerande eftersom hens fall har överlämnats till dig.

## /grupper
groups-all-title = <b>Alla grupper ({ $count })</b>
groups-coached-title = <b>Grupper du coachar</b>
groups-mine-title = <b>Dina studerandes grupper</b>
groups-none = Inga grupper.
groups-counts = med { $active }, inbjudna { $invited }, ville inte { $declined }
groups-group-coaches = gruppcoach: { $names }
groups-chat = Gruppchatt
    .yes = gruppchatt kopplad
    .no = ingen gruppchatt kopplad

## /hantera
admin-overview =
    <b>Hantera</b>
    Grupper { $groups } · studerande med { $active }, inbjudna { $invited }, ville inte { $declined }
    Personal { $staff }, av vilka { $waiting } ännu inte öppnat sin inbjudan.
admin-menu-groups = 👥 Grupper och studerande
admin-menu-new-group = ➕ Ny grupp
admin-menu-invite-coach = 🧑‍🏫 Bjud in en coach
admin-menu-invite-group-coach = 👋 Bjud in en gruppcoach
admin-menu-roster = 🗂️ Importera studerandelista
admin-menu-invite-coordinator = 🔑 Bjud in en koordinator
admin-menu-invite-welfare = 🤝 Bjud in en kurator
admin-menu-staff = 📇 Personal
admin-menu-offboard = 🚪 En anställd slutar
admin-offboard-pick = Vems åtkomst till Kohtaamo upphör? Hens roller tas bort genast, och hens studerande och öppna ärenden flyttas till en efterträdare.
admin-offboard-successor = { $name } är coach för { $students ->
    [one] en studerande
   *[other] { $students } studerande
} och har { $cases ->
    [one] ett öppet ärende
   *[other] { $cases } öppna ärenden
}. Vem tar över?
admin-offboard-confirm = <b>Ska åtkomsten för { $name } upphöra nu?</b> Alla hens roller i personalen tas bort, och hen ser ingenting längre. { $successor } får { $students ->
    [one] en studerande
   *[other] { $students } studerande
} och { $cases ->
    [one] ett öppet ärende
   *[other] { $cases } öppna ärenden
}; de studerande får veta vem som är deras nya coach. Det hen har antecknat tidigare finns kvar i skolans uppgifter med hens namn.
admin-offboard-yes = 🚪 Ja, avsluta åtkomsten
admin-student-study = 🎓 Studiernas läge
admin-study-pick = Hur står det till med studierna nu? Om de har upphört slutar enkäterna, och den studerande får ett meddelande om det.
admin-study = Läge
    .studying = Studerar
    .interrupted = Avbröt
    .transferred = Bytte till en annan utbildning
    .graduated = Utexaminerades
admin-study-set = { $name }: { $status }. Det är sparat, och den studerande fick ett meddelande om hen är med i Kohtaamo.
admin-study-status-unknown = Okänt läge för studierna.
admin-cancelled = Okej, avbrutet. /hantera öppnar menyn igen.
admin-ask-group-name = Skriv namnet på den nya gruppen, till exempel SÄH24B.
admin-confirm-group = Ska gruppen <b>{ $name }</b> skapas?
admin-create-group = ✅ Skapa grupp
admin-group-created = ✅ Gruppen <b>{ $name }</b> har skapats. Lägg till studerande genom att importera en studerandelista (/hantera).
admin-group-invalid = Gruppens namn ska vara 1–{ $limit } tecken.
admin-group-exists = Gruppen <b>{ $name }</b> finns redan.
admin-group-required = Välj först en grupp.
admin-group-gone = Gruppen finns inte längre.
admin-ask-coach-name = Skriv coachens hela namn så som de studerande känner hen, till exempel Matti Virtanen. Du får en personlig inbjudningslänk åt hen.
admin-ask-coordinator-name = Skriv den nya koordinatorns hela namn. Du får en personlig inbjudningslänk åt hen.
admin-ask-welfare-name = Skriv skolkuratorns (eller en annan kontaktpersons inom studerandevården) hela namn. Hen får ett larm tillsammans med coachen när en studerande berättar om våld eller att hen inte är trygg. Du får en personlig inbjudningslänk åt hen.
admin-ask-group-coach-name = Skriv hela namnet på gruppcoachen för gruppen <b>{ $group }</b>.
admin-name-invalid = Namnet saknas. Skriv hela namnet.
admin-name-ambiguous = Det finns flera personer med namnet { $name }. Använd ett namn som skiljer dem åt.
admin-already-coordinator = { $name } är redan koordinator.
admin-staff-link =
    Inbjudningslänk: <b>{ $name }</b> ({ $role }). Skicka den till hen personligen – länken är personlig, fungerar en gång och gäller till { $date }.

    { $link }
admin-staff-already = { $name } är redan med ({ $role }).
admin-staff-added = ✅ { $name } är nu också gruppcoach för { $group }. Jag berättade det för hen.
admin-you-are-group-coach = 👋 Du har lagts till som gruppcoach för gruppen <b>{ $group }</b>. /grupper visar dina grupper.
admin-staff-title = <b>Personal ({ $count })</b>
admin-staff-none = Ingen personal har bjudits in ännu.
admin-staff-state = Status
    .joined = med
    .waiting = ✉️ har inte öppnat inbjudan
admin-no-groups = Det finns inga grupper ännu. Skapa först en grupp eller importera en studerandelista.
admin-pick-group = Välj grupp:
admin-pick-group-gc = Vilken grupps gruppcoach bjuds in?
admin-group-title = <b>{ $name }</b> – med { $active }, inbjudna { $invited }, ville inte { $declined }
admin-group-empty = Gruppen har inga studerande ännu.
admin-group-pick-student = Välj studerande
admin-group-assign-all = Byt coach för hela gruppen
admin-group-new-links = Nya länkar åt alla som inte gått med
admin-pick-student = Välj studerande:
admin-student-view =
    <b>{ $name }</b> ({ $group })
    Status: { $status }
    Coach: { $coach } · reservcoach: { $backup }
admin-student-new-link = 🔗 Ny inbjudningslänk
admin-student-change-coach = Byt coach
admin-student-link =
    Ny inbjudningslänk: <b>{ $name }</b> ({ $group }). Den gamla länken fungerar inte längre. Den nya gäller till { $date }.

    { $link }
admin-qr-caption = QR-kod: { $name }
admin-student-gone = Den studerande finns inte längre.
admin-student-joined = Den studerande har redan gått med, så ingen ny länk behövs.
admin-no-students = Ingen av de valda studerande hittades.
admin-no-coaches = Det finns inga coacher ännu. Bjud först in en coach.
admin-pick-coach = Vem är coach för { $count ->
    [one] den studerande
   *[other] { $count } studerande
}?
admin-pick-backup = Vem är reservcoach? Hen får larmet om coachen inte hinner i tid.
admin-no-backup = Ingen reservcoach
admin-backup-same = Reservcoachen ska vara en annan person än coachen.
admin-not-a-coach = Den valda personen är inte coach.
admin-assigned = ✅ Klart: { $count } studerande, coach { $coach }, reservcoach { $backup }. De studerande som är med fick veta vem deras nya coach är.
admin-coach-got-students = Du har fått { $count ->
    [one] en ny studerande
   *[other] { $count } nya studerande
}. Du ser dem med /studerande.

## Import av studerandelista
admin-roster-howto =
    <b>Importera studerandelista</b>
    Klistra in listan som ett meddelande eller skicka den som en CSV-fil (i Excel: Spara som → CSV, semikolonavgränsad), en studerande per rad:
    <code>namn;grupp;coach</code>
    Som fjärde kolumn kan du lägga till en reservcoach, som femte studiestarten och som sjätte födelsedatumet (av det ser personalen om anmälningsplikten för under 18-åringar gäller). Grupper skapas vid behov; coacherna ska redan vara inbjudna. En lång lista kan du skicka i flera meddelanden.
    Jag kontrollerar hela listan innan något sparas.
admin-roster-received = Jag har fått { $lines ->
        [one] 1 rad
       *[other] { $lines } rader
    } sammanlagt. Klistra in mer eller tryck på Kontrollera.
admin-roster-check = 🔎 Kontrollera
admin-roster-import = ✅ Importera
admin-roster-import-relink = Importera och gör nya länkar åt alla
admin-roster-fix = Ingenting sparades. Rätta raderna och klistra in hela listan igen.
admin-roster-expired = Den inklistrade listan hann gå ut. Börja om: /hantera.
admin-roster-too-long = Listan är för lång på en gång. Dela upp den, till exempel gruppvis.
admin-roster-file-unreadable = Jag kunde inte läsa filen. Spara listan som en CSV-fil (semikolonavgränsad) eller klistra in raderna som ett meddelande.
admin-roster-csv-caption = Inbjudningslänkar ({ $links }) – ge var och en sin egen länk, till exempel i Wilma. Länken fungerar en gång.
admin-roster-qr-caption = QR-koder, en bild per studerande.
roster-line = Rad { $line }:
roster-problems = <b>Listan har { $count ->
        [one] 1 sak
       *[other] { $count } saker
    } att rätta</b> – ingenting importerades:
roster-more-problems = …och { $count } till.
roster-error-columns = jag väntade mig 3–6 kolumner åtskilda med semikolon (namn;grupp;coach), hittade { $found }.
roster-error-start-date = jag kände inte igen studiestarten (kolumn 5). Skriv den som dd.mm.åååå, t.ex. 1.8.2026.
roster-error-birth-date = jag kände inte igen födelsedatumet (kolumn 6). Skriv det som dd.mm.åååå, t.ex. 14.3.2009.
roster-error-empty-name = namnet saknas.
roster-error-empty-group = gruppen saknas.
roster-error-group-long = gruppens namn är för långt (högst { $limit } tecken).
roster-error-empty-coach = coachen saknas.
roster-error-duplicate = samma studerande i samma grupp som på rad { $first }.
roster-error-unknown-coach = { $kind ->
    [backup] reservcoachen
   *[other] coachen
} ”{ $name }” hittas inte. Bjud in hen först eller kontrollera stavningen.
roster-error-ambiguous-coach = det finns flera coacher med namnet ”{ $name }”.
roster-known-coaches = Kända coacher: { $names }
roster-error-empty = Listan innehöll inga studerande.
roster-error-too-many = Listan har över { $limit ->
        [one] 1 rad
       *[other] { $limit } rader
    }. Dela upp den.
roster-preview =
    <b>Listan är i ordning</b> – { $rows } studerande:
    nya { $new }, ny länk { $relinked }, länken gäller fortfarande { $valid }, redan med { $joined }.
    Ska de importeras?
roster-done =
    <b>Importerat</b> – { $rows } studerande: nya { $new }, ny länk { $relinked }, länken gäller fortfarande { $valid }, redan med { $joined }.
    Nya inbjudningslänkar: { $links }.
roster-new-groups = Nya grupper: { $groups }
roster-coach-changes = Coachen byttes för { $count } studerande.
roster-clipped = För långa namn förkortades på raderna: { $lines }
roster-csv = Kolumn
    .name = namn
    .group = grupp
    .link = länk
    .expires = gäller till
    .coach = coach
    .status = status
roster-status = Status
    .new = ny
    .new-link = ny länk
    .link-valid = tidigare länk gäller
    .joined = med

## En anställd slutar (kohtaamo admin offboard, /hantera)
offboard-not-staff = Hen har ingen roll i personalen i Kohtaamo.
offboard-last-coordinator = { $name } är skolans enda koordinator. Bjud först in en ny koordinator så att någon kan fortsätta.
offboard-bad-successor = Efterträdaren måste vara en annan coach eller koordinator än { $name }.
offboard-needs-successor = { $name } är coach för { $students ->
    [one] en studerande
   *[other] { $students } studerande
} och har { $cases ->
    [one] ett öppet ärende
   *[other] { $cases } öppna ärenden
}. Säg vem som tar över dem (efterträdare).
offboard-done = { $name } hör inte längre till personalen i Kohtaamo och ser ingenting längre. { $successor } fick { $students ->
    [one] en studerande
   *[other] { $students } studerande
} och { $cases ->
    [one] ett öppet ärende
   *[other] { $cases } öppna ärenden
}.
offboard-you = Din roll i personalen i Kohtaamo har upphört, så du ser inte längre studerandes uppgifter och får inga meddelanden. Tack för ditt arbete! Om det här är fel, kontakta skolans koordinator.
offboard-successor = { $name } har lämnat Kohtaamo. Du har fått { $students ->
    [one] en studerande
   *[other] { $students } studerande
} och { $cases ->
    [one] ett öppet ärende
   *[other] { $cases } öppna ärenden
}. De studerande har fått veta att du nu är deras coach. Du ser dem med /studerande och ärendena med /uppfoljning.
