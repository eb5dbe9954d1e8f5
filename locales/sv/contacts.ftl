### Registrering av en kontakt (flows/yhteydenotto.yaml) – text för coachen.

flow-yhteydenotto = Registrering av kontakt
q-yht-milloin = När hade ni kontakt?
q-yht-miten = Hur hade ni kontakt?
    .kasvokkain = Ansikte mot ansikte
    .puhelu = Per telefon
    .viesti = Med meddelande
    .wilma = I Wilma
    .ryhmatapaaminen = På ett gruppmöte
    .kotikaynti = Vid ett hembesök
    .ei_tavoitettu = Försökte, nådde inte
q-yht-yritys = Hur försökte du nå hen?
    .puhelu = Ringde
    .viesti = Med meddelande
    .wilma = I Wilma
    .kotikaynti = Vid ett hembesök
q-yht-tavoitettu = Nådde du den studerande?
q-yht-keta = Vilka var med?
    .opiskelija = Den studerande
    .huoltaja = Vårdnadshavare
    .ammattilainen = Annan yrkesperson
q-yht-muistiinpano = Anteckning (kan hoppas över): vad kom ni överens om? Den studerande ser anteckningen bland sina egna uppgifter (/mina_uppgifter), så skriv den så att du kan visa den för hen. Skriv inga hälsouppgifter här – de hör hemma i hälsovårdens egna system.
q-yht-seuraavaksi = Vad händer härnäst?
    .seuranta = Vi avtalar uppföljning
    .sulje = Ärendet kan avslutas
    .avoin = Ärendet lämnas öppet
q-yht-seuranta-pvm = När följer du upp situationen? Jag påminner dig då.
q-yht-seuranta-mita = Vad ska göras då? (frivilligt)
q-yht-sulkemissyy = Varför avslutas ärendet?
    .tilanne_kunnossa = Nådd, läget är bra
    .kuraattori = Hänvisad till kurator
    .psykologi = Hänvisad till psykolog
    .terveydenhoitaja = Hänvisad till hälsovårdare
    .opinto_ohjaaja = Hänvisad till studiehandledare
    .erityisopettaja = Hänvisad till speciallärare
    .ohjaamo = Hänvisad till Navigatorn (Ohjaamo)
    .etsiva_nuorisotyo = Hänvisad till uppsökande ungdomsarbete
    .toinen_koulutus = Har bytt till annan utbildning
    .ei_tavoitettu = Inte nådd trots flera försök
close-yht-seuranta = Registrerat. Jag påminner dig om uppföljningen på den avtalade dagen.
close-yht-suljettu = Registrerat och ärendet avslutat. Tack för att du stöttade den studerande.
close-yht = Registrerat. Ärendet förblir öppet, och du ser det med /uppfoljning.

## Registreringens och ärendenas texter för coachen.

flow-about = 🗂️ Studerande: <b>{ $name }</b>
log-switch-ask = Du har en halvfärdig registrering om { $old }. Vill du fortsätta med den eller börja en ny registrering om { $new }? Svaren i den halvfärdiga raderas om du börjar en ny.
log-switch-continue = Fortsätt: { $name }
log-switch-new = Börja ny: { $name }
log-pick-title = Vem hade du kontakt med? 📂 = öppet ärende. Du kan också skriva <code>/registrera namn</code>.
history-pick-title = Vems ärendehistorik vill du se? Visningen loggas.
history-title = <b>Ärendehistorik: { $name }</b>
history-none = Den studerande har inga registrerade ärenden.

case-list-empty = Du har inga öppna ärenden. 🌱
case-list-title = <b>Öppna ärenden ({ $count })</b> – de mest brådskande först:
case-list-hint = 📝 registrerar en kontakt, 🗂️ öppnar ärendet, där du kan flytta uppföljningen, avsluta ärendet eller överföra det till en annan coach.
case-list-log = 📝 { $n }. { $name }
case-list-open = 🗂️ { $n }.
case-list-more = Nästa ›
case-st-overdue = uppföljning försenad { $days } d ({ $date })
case-st-unacked = väntar på kvittering (sedan { $date })
case-st-today = uppföljning i dag
case-st-due = uppföljning { $date }
case-st-no-step = inget nästa steg avtalat
case-coach = coach { $name }
case-opened = öppnat { $date }
case-next = Nästa uppföljning { $date }
case-closed-line = Avslutat { $date }: { $reason }
case-reached = nådd
case-not-reached = inte nådd
case-note = 📝 <i>{ $text }</i>

case-button-log = 📝 Registrera kontakt
case-button-postpone = 📅 Flytta uppföljningen
case-button-close = ✔️ Avsluta ärendet
case-button-card = 🗂️ Ärendet
case-reminder = 🔔 <b>Uppföljning i dag: { $student }</b> ({ $group })
    Registrera hur det gick, eller flytta uppföljningen.
case-overdue = ⏰ <b>Uppföljning försenad: { $student }</b> ({ $group })
    Coachen { $coach } avtalade uppföljning till { $date }, men den har ännu inte registrerats. Du kan fråga coachen hur läget är eller sköta registreringen själv.
case-idle = 🗂️ <b>Öppet ärende: { $student }</b> ({ $group })
    Inget har hänt i ärendet på { $days ->
        [one] 1 skoldag
       *[other] { $days } skoldagar
    }, och inget nästa steg är avtalat. Registrera en kontakt, avtala uppföljning eller avsluta ärendet.
case-agreed = Avtalat: <i>{ $what }</i>
case-postpone-ask = Till vilken dag flyttas uppföljningen? Jag påminner dig då.
case-postpone-option = { $days ->
    [one] I morgon ({ $date })
   *[other] Om { $days } dagar ({ $date })
}
case-postponed = 📅 Uppföljningen flyttad: { $date }. Jag påminner dig då.
case-close-ask = Varför avslutas ärendet?
case-closed = ✔️ Ärendet avslutat: { $reason }. Tack.
case-action-cancelled = Avbrutet, inget ändrades.

export-cases-usage = Så här: <code>/arenden 1.8.2026 30.11.2026</code>. Utan datum får du innevarande läsår. Lägg till ordet <code>anteckningar</code> om du också behöver anteckningarna.
export-cases-done = <b>Ärenden { $start }–{ $end }</b>: { $cases ->
    [one] 1 ärende
   *[other] { $cases } ärenden
}, { $contacts ->
    [one] 1 registrerad kontakt
   *[other] { $contacts } registrerade kontakter
}. Mediantider från att ärendet öppnades:
export-cases-level = { $level }: { $cases } st, kontakt { $contacted }, avslutade { $closed } · kvittering { $ack }, första kontakt { $contact }, avslutning { $closure }
export-cases-no-notes = Filerna innehåller inga anteckningar. Exporten har loggats.
export-cases-notes = Filerna innehåller anteckningarna: förvara dem tryggt och radera dem när du inte längre behöver dem. Exporten har loggats.

## /historik: återhämtade sig mätaren som startade fallet efter kontakten (egen studerande).
case-recovery = 📈 { $measure }: före { $before } → efter kontakten { $after } · { $state ->
        [recovered] återhämtade sig
        [not_recovered] återhämtade sig inte på { $weeks } veckor
        [waiting] inte återhämtad än
       *[none] inga svar efter kontakten än
    }
