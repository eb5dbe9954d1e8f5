### Yhteydenoton kirjaus (flows/yhteydenotto.yaml) – teksti valmentajalle.

flow-yhteydenotto = Yhteydenoton kirjaus
q-yht-milloin = Milloin olit yhteydessä?
q-yht-miten = Miten olit yhteydessä?
    .kasvokkain = Kasvokkain
    .puhelu = Puhelimessa
    .viesti = Viestillä
    .wilma = Wilmassa
    .ryhmatapaaminen = Ryhmätapaamisessa
    .kotikaynti = Kotikäynnillä
    .ei_tavoitettu = Yritin, en tavoittanut
q-yht-yritys = Miten yritit tavoittaa?
    .puhelu = Soittamalla
    .viesti = Viestillä
    .wilma = Wilmassa
    .kotikaynti = Kotikäynnillä
q-yht-tavoitettu = Tavoititko opiskelijan?
q-yht-keta = Ketkä olivat mukana?
    .opiskelija = Opiskelija
    .huoltaja = Huoltaja
    .ammattilainen = Muu ammattilainen
q-yht-muistiinpano = Muistiinpano (voit ohittaa): mitä sovittiin? Opiskelija näkee muistiinpanon omista tiedoistaan (/omat_tiedot), joten kirjoita se niin, että voisit näyttää sen hänelle. Älä kirjaa tähän terveystietoja – ne kuuluvat terveydenhuollon omiin järjestelmiin.
q-yht-seuraavaksi = Mitä seuraavaksi?
    .seuranta = Sovitaan seuranta
    .sulje = Tapaus voidaan sulkea
    .avoin = Jätetään auki
q-yht-seuranta-pvm = Milloin seuraat tilannetta? Muistutan sinua silloin.
q-yht-seuranta-mita = Mitä silloin on tarkoitus tehdä? (vapaaehtoinen)
q-yht-sulkemissyy = Miksi tapaus suljetaan?
    .tilanne_kunnossa = Tavoitettu, tilanne kunnossa
    .kuraattori = Ohjattu kuraattorille
    .psykologi = Ohjattu psykologille
    .terveydenhoitaja = Ohjattu terveydenhoitajalle
    .opinto_ohjaaja = Ohjattu opinto-ohjaajalle
    .erityisopettaja = Ohjattu erityisopettajalle
    .ohjaamo = Ohjattu Ohjaamoon
    .etsiva_nuorisotyo = Ohjattu etsivään nuorisotyöhön
    .toinen_koulutus = Siirtynyt toiseen koulutukseen
    .ei_tavoitettu = Ei tavoitettu useista yrityksistä huolimatta
close-yht-seuranta = Kirjattu. Muistutan sinua seurannasta sovittuna päivänä.
close-yht-suljettu = Kirjattu ja tapaus suljettu. Kiitos, että kuljit opiskelijan rinnalla.
close-yht = Kirjattu. Tapaus jää auki, ja näet sen komennolla /seuranta.

## Kirjauksen ja tapausten tekstit valmentajalle.

flow-about = 🗂️ Opiskelija: <b>{ $name }</b>
log-switch-ask = Sinulla on kesken kirjaus opiskelijasta { $old }. Jatketaanko sitä vai aloitetaanko uusi kirjaus opiskelijasta { $new }? Jos aloitat uuden, keskeneräisen kirjauksen vastaukset poistetaan.
log-switch-continue = Jatka kirjausta: { $name }
log-switch-new = Aloita uusi: { $name }
log-pick-title = Kenen kanssa olit yhteydessä? 📂 = avoin tapaus. Voit myös kirjoittaa <code>/kirjaa nimi</code>.
history-pick-title = Kenen tapaushistorian haluat nähdä? Katselu kirjataan lokiin.
history-title = <b>Tapaushistoria: { $name }</b>
history-none = Opiskelijalla ei ole kirjattuja tapauksia.

case-list-empty = Sinulla ei ole avoimia tapauksia. 🌱
case-list-title = <b>Avoimet tapaukset ({ $count })</b> – kiireellisimmät ensin:
case-list-hint = 📝 kirjaa yhteydenoton, 🗂️ avaa tapauksen, jossa voit siirtää seurantaa, sulkea tapauksen tai antaa sen toiselle valmentajalle.
case-list-log = 📝 { $n }. { $name }
case-list-open = 🗂️ { $n }.
case-list-more = Seuraavat ›
case-st-overdue = seuranta myöhässä { $days } pv ({ $date })
case-st-unacked = odottaa kuittausta ({ $date } alkaen)
case-st-today = seuranta tänään
case-st-due = seuranta { $date }
case-st-no-step = ei sovittua seuraavaa askelta
case-coach = valmentaja { $name }
case-opened = avattu { $date }
case-next = Seuraava seuranta { $date }
case-closed-line = Suljettu { $date }: { $reason }
case-reached = tavoitettu
case-not-reached = ei tavoitettu
case-note = 📝 <i>{ $text }</i>

case-button-log = 📝 Kirjaa yhteydenotto
case-button-postpone = 📅 Siirrä seurantaa
case-button-close = ✔️ Sulje tapaus
case-button-card = 🗂️ Tapaus
case-reminder = 🔔 <b>Seuranta tänään: { $student }</b> ({ $group })
    Kirjaa, miten meni, tai siirrä seurantaa.
case-overdue = ⏰ <b>Seuranta myöhässä: { $student }</b> ({ $group })
    Valmentaja { $coach } sopi seurannan päiväksi { $date }, mutta sitä ei ole vielä kirjattu. Voit kysyä valmentajalta tilannetta tai hoitaa kirjauksen itse.
case-idle = 🗂️ <b>Avoin tapaus: { $student }</b> ({ $group })
    Tapauksessa ei ole tapahtunut mitään { $days } koulupäivään, eikä seuraavaa askelta ole sovittu. Kirjaa yhteydenotto, sovi seuranta tai sulje tapaus.
case-agreed = Sovittu: <i>{ $what }</i>
case-postpone-ask = Mille päivälle seuranta siirretään? Muistutan sinua silloin.
case-postpone-option = { $days ->
    [one] Huomenna ({ $date })
   *[other] { $days } päivän päästä ({ $date })
}
case-postponed = 📅 Seuranta siirretty: { $date }. Muistutan sinua silloin.
case-close-ask = Miksi tapaus suljetaan?
case-closed = ✔️ Tapaus suljettu: { $reason }. Kiitos.
case-action-cancelled = Peruttu, mitään ei muutettu.

export-cases-usage = Käytä näin: <code>/tapaukset 1.8.2026 30.11.2026</code>. Ilman päivämääriä saat kuluvan lukuvuoden. Lisää sana <code>muistiinpanot</code>, jos tarvitset myös muistiinpanot.
export-cases-done = <b>Tapaukset { $start }–{ $end }</b>: { $cases ->
    [one] 1 tapaus
   *[other] { $cases } tapausta
}, { $contacts ->
    [one] 1 kirjattu yhteydenotto
   *[other] { $contacts } kirjattua yhteydenottoa
}. Mediaaniajat tapauksen avaamisesta:
export-cases-level = { $level }: { $cases } kpl, yhteys { $contacted }, suljettu { $closed } · kuittaus { $ack }, ensimmäinen yhteys { $contact }, sulkeminen { $closure }
export-cases-no-notes = Tiedostoissa ei ole muistiinpanoja. Vienti on kirjattu lokiin.
export-cases-notes = Tiedostoissa ovat mukana muistiinpanot: säilytä ne huolella ja poista, kun et enää tarvitse niitä. Vienti on kirjattu lokiin.

## /historia: palautuiko tapauksen käynnistänyt mittari yhteydenoton jälkeen (oma opiskelija).
case-recovery = 📈 { $measure }: ennen { $before } → yhteydenoton jälkeen { $after } · { $state ->
        [recovered] palautui
        [not_recovered] ei palautunut { $weeks } viikossa
        [waiting] ei vielä palautunut
       *[none] ei vielä vastauksia yhteydenoton jälkeen
    }
