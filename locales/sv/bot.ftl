# Kohtaamo — allmänna meddelanden. Meddelandena är Telegram-HTML: skriv &lt; och &amp;.

## Kommandomeny
cmd-start = Börja
cmd-help = Hjälp och kristelefoner
cmd-language = Byt språk
cmd-checkin = Svara på enkäten om hur du mår
cmd-talk = Be din coach om ett samtal
cmd-my-data = Se vad som sparats om dig
cmd-export = Ladda ner dina uppgifter som fil
cmd-pause = Ta en paus från enkäterna
cmd-erase = Radera dina uppgifter och lämna Kohtaamo
cmd-my-trend = Din egen utveckling som bild
cmd-peer-prompts = Gruppens meddelanden på eller av
cmd-students = Mina studerande
cmd-followups = Öppna ärenden och uppföljning
cmd-log-contact = Registrera en kontakt
cmd-history = En studerandes ärendehistorik
cmd-groups = Grupper
cmd-link = Koppla den här gruppchatten till en grupp
cmd-broadcast = Skicka ett meddelande eller en enkät till en grupp
cmd-poll-results = Enkätresultat
cmd-schedule = Enkäternas scheman
cmd-admin = Hantering: grupper, inbjudningar, coacher
cmd-report = Rapport (bara sammanställningar)
cmd-phenomena = Fenomen och planer
cmd-cases-export = Ärenden och kontakter som CSV-filer

## Början och språk
start-welcome =
    Hej! Jag är <b>Kohtaamo</b>, din skolas chattbot. 👋
    Då och då frågar jag kort hur du mår, och jag hjälper dig att få kontakt med din egen coach.

    För att gå med behöver du din egen inbjudningslänk från skolan. Välj först språk:
start-welcome-back = Hej { $name }! Kul att se dig igen. Skriv /hurmardu om du vill berätta hur du mår, eller /hjalp om du behöver hjälp.
language-choose = På vilket språk vill du att jag skriver till dig?
language-name = Svenska
language-set = Okej! Jag skriver till dig på svenska nu.

## Hjälp
help-student =
    <b>Så här fungerar Kohtaamo</b>
    /hurmardu – berätta hur du mår
    /prata – be din coach om ett samtal
    /min_utveckling – din egen utveckling som bild
    /mina_uppgifter – se vad som sparats om dig och vem som har tittat
    /exportera – ladda ner dina uppgifter som fil
    /paus – ta en paus från enkäterna
    /gruppmeddelanden – gruppens meddelanden på eller av
    /radera – radera dina uppgifter och lämna Kohtaamo
    /sprak – byt språk

    Din coach ser dina svar. Skolans koordinator ser öppna ärenden, och i rapporterna finns bara siffror utan namn. I gruppen visas aldrig någons svar.
help-staff =
    <b>Kohtaamo för personalen</b>
    /studerande – dina studerande
    /uppfoljning – dina öppna ärenden, de mest brådskande först
    /registrera – registrera en kontakt
    /historik – en studerandes ärendehistorik
    /grupper – grupper
    /skicka, /schema, /enkatresultat – för gruppcoacher
    /rapport, /fenomen, /hantera, /arenden – för koordinatorn
    /sprak – byt språk

    Varje gång någon tittar på en studerandes uppgifter loggas det.
help-crisis =
    <b>Om du behöver hjälp genast</b>
    { crisis-contacts }

## Fel och felaktig inmatning
unknown-command = Jag känner inte till kommandot { $command }. Skriv /hjalp så ser du vad jag kan.
group-use-private = Det här fungerar bara i ett privat meddelande. Öppna en chatt med mig och försök där.
not-enrolled = Tack för ditt meddelande! Du är inte med i Kohtaamo ännu. Be din coach om en egen inbjudningslänk så kommer du igång.
text-no-checkin = Tack för meddelandet, { $name }! Jag är en bot, och jag skickar inte det här meddelandet vidare. Men om du berättar att du är i fara, berättar jag det för en vuxen i skolan. Om du vill prata med en människa, skriv /prata – då får din coach veta det. Hur du mår kan du berätta med /hurmardu. Om du behöver hjälp genast, skriv /hjalp.
staff-text-help = Skriv /hjalp så ser du kommandona.
unsupported-message = Jag kan inte se bilder eller höra röstmeddelanden – jag förstår bara text och knapptryck. Om du är i nöd just nu, skriv det till mig eller ring 112. Skriv /hjalp för instruktioner.
students-only = Enkäten är för studerande.
not-allowed = Den här funktionen är inte tillgänglig för dig. Skriv /hjalp så ser du dina kommandon.
error-generic = Hoppsan, något gick fel hos mig. Inget försvann – försök igen om en stund.
error-generic-short = Något gick fel. Försök igen.
# The same two words on every menu that can be left or stepped back in.
button-cancel = ✖️ Avbryt
button-back = ⬅️ Tillbaka
callback-invalid = Den här knappen fungerar inte. Skriv /hjalp om du behöver hjälp.
callback-not-yours = Den här knappen är inte din.
callback-expired = Den här knappen har gått ut.

## Enkät
checkin-continue = Vi fortsätter där du slutade:
checkin-superseded = Enkäten har uppdaterats under tiden. Tack för dina svar så här långt! Du kan börja en ny med /hurmardu.
checkin-already-answered = Det här är redan besvarat 👍
checkin-closed = Den här enkäten har redan avslutats. Du kan börja en ny med /hurmardu.
checkin-answer-saved = Sparat ✓
checkin-thanks = Tack för dina svar, { $name }!
checkin-reminder = Hej { $name }! Din enkät väntar fortfarande. Det tar bara ett par minuter. 🙂
hint-type-answer = <i>Skriv ditt svar som ett meddelande (högst { $limit } tecken).</i>
hint-multichoice = <i>Välj alla som passar och tryck till sist på Klar.</i>
hint-date = <i>Välj en dag eller skriv den så här: 24.11.</i>
answer-yesno = Ja eller nej?
    .kylla = Ja
    .ei = Nej
answer-words = Ord som betyder ja eller nej
    .kylla = ja, jo, japp, jepp, j
    .ei = nej, nä, nää, n
button-skip = Hoppa över
button-done = Klar ✔️
answer-skipped = Överhoppad
answer-none-chosen = Inget av dessa
date-choice = Dag
    .today = I dag { $date }
    .yesterday = I går { $date }
    .tomorrow = I morgon { $date }
    .later = Om { $days ->
        [one] 1 dag
       *[other] { $days ->
        [one] 1 dag
       *[other] { $days } dagar
    }
    } { $date }
    .earlier = För { $days ->
        [one] 1 dag
       *[other] { $days ->
        [one] 1 dag
       *[other] { $days } dagar
    }
    } sedan { $date }
answer-not-skippable = Här behövs ett svar.
answer-invalid = Det alternativet finns inte.
answer-text-empty = Ditt meddelande var tomt. Skriv ditt svar eller tryck på Hoppa över.
answer-text-too-long = Ditt meddelande är lite för långt ({ $length } tecken). Ryms det i { $limit } tecken? Du kan också berätta mer för din coach.
answer-use-buttons = Välj alternativen med knapparna och tryck till sist på Klar.
answer-type-hint = Jag förstod inte riktigt. Välj med knapparna eller skriv en siffra.
answer-date-hint = Jag kände inte igen dagen. Skriv den så här: 24.11. eller 24.11.2026.
