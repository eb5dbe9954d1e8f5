# Kohtaamo — yleiset viestit. Viestit ovat Telegramin HTML:ää: < ja & kirjoitetaan &lt; ja &amp;.

## Komentovalikko
cmd-start = Aloita
cmd-help = Apua ja kriisipuhelimet
cmd-language = Vaihda kieli
cmd-checkin = Vastaa kuulumiskyselyyn
cmd-talk = Pyydä omavalmentajaa juttelemaan
cmd-my-data = Katso, mitä sinusta on tallennettu
cmd-export = Lataa omat tietosi tiedostona
cmd-pause = Pidä tauko kyselyistä
cmd-erase = Poista tietosi ja lähde Kohtaamosta
cmd-my-trend = Oma kehityksesi kuvana
cmd-peer-prompts = Ryhmän viestit päälle tai pois
cmd-students = Omat opiskelijani
cmd-followups = Avoimet tapaukset ja seuranta
cmd-log-contact = Kirjaa yhteydenotto
cmd-history = Opiskelijan tapaushistoria
cmd-groups = Ryhmät
cmd-link = Liitä tämä ryhmächat ryhmään
cmd-broadcast = Lähetä viesti tai kysely ryhmälle
cmd-poll-results = Kyselyjen tulokset
cmd-schedule = Kyselyjen aikataulut
cmd-admin = Hallinta: ryhmät, kutsut, valmentajat
cmd-report = Raportti (vain koosteet)
cmd-phenomena = Ilmiöt ja suunnitelmat
cmd-cases-export = Tapaukset ja yhteydenotot CSV-tiedostoina

## Aloitus ja kieli
start-welcome =
    Hei! Olen <b>Kohtaamo</b>, koulusi viestibotti. 👋
    Kysyn välillä lyhyesti, mitä sinulle kuuluu, ja autan sinua saamaan yhteyden omavalmentajaasi.

    Liittymiseen tarvitset koululta saamasi oman kutsulinkin. Valitse ensin kieli:
start-welcome-back = Hei { $name }! Kiva nähdä taas. Kirjoita /kuulumiset, jos haluat kertoa kuulumisesi, tai /apua, jos tarvitset apua.
language-choose = Millä kielellä haluat, että puhun sinulle?
language-name = Suomi
language-set = Selvä! Puhun sinulle nyt suomea.

## Apu
help-student =
    <b>Näin Kohtaamo toimii</b>
    /kuulumiset – kerro, mitä sinulle kuuluu
    /jutellaan – pyydä omavalmentajaa juttelemaan
    /oma_kehitys – oma kehityksesi kuvana
    /omat_tiedot – katso, mitä sinusta on tallennettu ja kuka on katsonut tietojasi
    /vie – lataa omat tietosi tiedostona
    /tauko – pidä tauko kyselyistä
    /ryhmaviestit – ryhmän viestit päälle tai pois
    /poista – poista tietosi ja lähde Kohtaamosta
    /kieli – vaihda kieli

    Vastauksesi näkee omavalmentajasi. Koulun koordinaattori näkee avoimet huolet, ja raporteissa on vain lukuja ilman nimiä. Ryhmässä ei koskaan näytetä kenenkään kuulumiskyselyn vastauksia.
help-staff =
    <b>Kohtaamo henkilöstölle</b>
    /opiskelijat – omat opiskelijasi
    /seuranta – avoimet tapauksesi, kiireellisimmät ensin
    /kirjaa – kirjaa yhteydenotto
    /historia – opiskelijan tapaushistoria
    /ryhmat – ryhmät
    /laheta, /aikataulu, /kysely_tulokset – ryhmävalmentajalle
    /raportti, /ilmiot, /hallinta, /tapaukset – koordinaattorille
    /kieli – vaihda kieli

    Jokainen opiskelijan tietojen katselu kirjataan lokiin.
help-crisis =
    <b>Jos tarvitset apua heti</b>
    { crisis-contacts }

## Virheet ja väärä syöte
unknown-command = En tunne komentoa { $command }. Kirjoita /apua, niin näet, mitä osaan.
group-use-private = Tämä toimii vain, kun kirjoitat minulle yksityisesti. Avaa keskustelu kanssani ja kokeile siellä.
not-enrolled = Kiitos viestistä! Et ole vielä mukana Kohtaamossa. Pyydä omavalmentajaltasi oma kutsulinkki, niin pääset alkuun.
text-no-checkin = Kiitos viestistä, { $name }! Olen botti, enkä välitä tätä viestiä kenellekään. Jos kuitenkin kerrot, että olet vaarassa, kerron siitä koulun aikuiselle. Jos haluat jutella ihmisen kanssa, kirjoita /jutellaan – omavalmentajasi saa silloin tiedon. Kuulumisesi voit kertoa komennolla /kuulumiset. Jos tarvitset apua heti, kirjoita /apua.
staff-text-help = Kirjoita /apua, niin näet komennot.
unsupported-message = En näe kuvia enkä kuule ääniviestejä – ymmärrän vain tekstiä ja nappien painalluksia. Jos sinulla on nyt hätä, kirjoita se minulle tai soita 112. Ohjeet saat komennolla /apua.
students-only = Kuulumiskysely on opiskelijoille.
not-allowed = Tämä toiminto ei ole käytössäsi. Kirjoita /apua, niin näet omat komentosi.
error-generic = Hups, jokin meni pieleen minun päässäni. Mitään ei kadonnut – kokeile hetken päästä uudelleen.
error-generic-short = Jokin meni pieleen. Kokeile uudelleen.
# The same two words on every menu that can be left or stepped back in.
button-cancel = ✖️ Peruuta
button-back = ⬅️ Takaisin
callback-invalid = Tämä nappi ei toimi. Kirjoita /apua, jos tarvitset ohjeita.
callback-not-yours = Tämä nappi ei ole sinun.
callback-expired = Tämä nappi on vanhentunut.

## Kuulumiskysely
checkin-continue = Jatketaan siitä, mihin jäit:
checkin-superseded = Kysely on päivittynyt sillä aikaa. Kiitos tähänastisista vastauksista! Voit aloittaa uuden komennolla /kuulumiset.
checkin-already-answered = Tähän on jo vastattu 👍
checkin-closed = Tämä kysely on jo päättynyt. Uuden voit aloittaa komennolla /kuulumiset.
checkin-answer-saved = Tallennettu ✓
checkin-thanks = Kiitos vastauksistasi, { $name }!
checkin-reminder = Hei { $name }! Kuulumiskyselysi odottaa vielä. Vastaaminen vie vain pari minuuttia. 🙂
hint-type-answer = <i>Kirjoita vastauksesi viestinä (enintään { $limit ->
        [one] 1 merkki
       *[other] { $limit } merkkiä
    }).</i>
hint-multichoice = <i>Valitse kaikki sopivat ja paina lopuksi Valmis.</i>
hint-date = <i>Valitse päivä tai kirjoita se muodossa 24.11.</i>
answer-yesno = Kyllä vai ei?
    .kylla = Kyllä
    .ei = Ei
answer-words = Sanat, jotka tarkoittavat kyllä tai ei
    .kylla = kyllä, kylla, joo, juu, jep, k
    .ei = ei, en, e, nope
button-skip = Ohita
button-done = Valmis ✔️
answer-skipped = Ohitettu
answer-none-chosen = Ei mitään näistä
date-choice = Päivä
    .today = Tänään { $date }
    .yesterday = Eilen { $date }
    .tomorrow = Huomenna { $date }
    .later = { $days } päivän päästä { $date }
    .earlier = { $days ->
        [one] 1 päivä
       *[other] { $days } päivää
    } sitten { $date }
answer-not-skippable = Tähän tarvitaan vastaus.
answer-invalid = Tätä vaihtoehtoa ei ole.
answer-text-empty = Viestisi oli tyhjä. Kirjoita vastauksesi tai paina Ohita.
answer-text-too-long = Viestisi on vähän liian pitkä ({ $length ->
        [one] 1 merkki
       *[other] { $length } merkkiä
    }). Mahtuisiko se { $limit } merkkiin? Voit myös kertoa lisää omavalmentajallesi.
answer-use-buttons = Valitse vaihtoehdot napeista ja paina lopuksi Valmis.
answer-type-hint = En ihan saanut kiinni. Valitse napeista tai kirjoita numero.
answer-date-hint = En tunnistanut päivää. Kirjoita se näin: 24.11. tai 24.11.2026.
