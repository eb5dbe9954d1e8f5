### Gruppcoachning och kamratstöd: koppla gruppchatten (/koppla), skicka (/skicka),
### leveransrapporter, enkätresultat (/enkatresultat) och att stänga av gruppmeddelanden
### (/gruppmeddelanden). Samtalsämnenas och enkäternas texter (vp-) finns i slutet.
### Enkättexter är ren text: ingen HTML.

## Koppla gruppchatten

peer-link-in-group = Så här kopplar du gruppens chatt: lägg till mig i gruppens Telegram-chatt och skriv /koppla där. Sedan frågar jag dig här vilken grupp det gäller.
peer-link-check-private = Tack! ✉️ Jag bad om en bekräftelse i ett privat meddelande. Syns inget meddelande, öppna först en chatt med mig och skriv /koppla här igen.
peer-link-no-groups = Du har ännu ingen grupp som jag kunde koppla den här chatten till. Be koordinatorn lägga till dig som gruppcoach för gruppen.
peer-link-choose =
    Ska chatten <b>{ $title }</b> kopplas till en grupp i Kohtaamo? Välj grupp.

    Till chatten skickar jag bara samtalsämnen och enkäter – aldrig någons egna svar.
peer-link-group-button =
    { $name }{ $linked ->
        [yes] {" "}(byt chatt)
       *[no] {""}
    }
peer-link-cancelled = Okej, jag kopplade inte chatten till någon grupp.
peer-link-already = Chatten <b>{ $title }</b> är redan chatt för gruppen { $group }. 👍
peer-link-done =
    ✅ Klart! <b>{ $title }</b> är nu chatten för gruppen { $group }.{ $replaced ->
        [yes] {" "}Den tidigare chatten är inte längre kopplad.
       *[no] {""}
    }
    Skicka ett samtalsämne eller en enkät dit med /skicka.
peer-linked-chat =
    Hej alla! 👋 Den här chatten är nu en gemensam plats för gruppen { $group } i Kohtaamo.
    Gruppcoachen kan skicka samtalsämnen och enkäter hit. Någons egna svar visar jag aldrig här.
peer-hello-chat =
    Hej! 👋 Jag är Kohtaamo. Gruppcoachen kan koppla den här chatten till sin grupp genom att skriva /koppla här.
    Här berättar jag aldrig någons egna svar.
peer-chat-removed =
    Jag togs bort från chatten för gruppen { $group }, så jag kan inte längre skicka något dit.
    Vill du fortsätta, lägg till mig igen och skriv /koppla i chatten.
peer-chat-migrated = Chatten för gruppen { $group } blev en supergrupp i Telegram. Jag uppdaterade kopplingen, så meddelandena kommer fram som förut. 👍
peer-not-your-group = Det här är inte din grupp, så jag kan inte göra det. Fråga koordinatorn vid behov.

## Skicka (/skicka)

peer-no-groups = Du har inga grupper ännu. Be koordinatorn lägga till dig som gruppcoach för en grupp.
peer-send-choose-groups =
    📣 <b>Skicka till gruppen</b>
    Vem ska få det? Välj en eller flera grupper och tryck på Fortsätt.
peer-send-choose-audience =
    📣 <b>Skicka till gruppen { $groups }</b>
    Vart ska meddelandet?

    💬 <b>Till gruppens chatt</b>: alla ser samma meddelande och kan prata om det tillsammans.
    👤 <b>Privat till var och en</b>: alla får meddelandet i sin egen chatt. Av enkätsvaren ser du bara en sammanfattning.
peer-send-no-chat = ⚠️ Gruppen { $groups } har ingen kopplad chatt. Koppla den: lägg till mig i gruppens chatt och skriv /koppla där.
peer-send-choose-content =
    📣 <b>{ $groups }</b> · { $audience ->
        [chat] till gruppens chatt
       *[private] privat till var och en
    }
    Vad ska skickas?
peer-send-choose-theme =
    📚 <b>Samtalsämnen och enkäter</b>
    Välj tema:
peer-send-choose-prompt =
    📚 <b>{ $theme }</b>
    Välj ämne. 💬 = samtalsämne, 📊 = enkät, 🧠 = frågesport
peer-send-compose =
    ✏️ Skriv ditt meddelande härnäst i den här chatten. Jag visar det för dig innan något skickas.

    Vill du ha en enkät? Skriv frågan på första raden (med frågetecken på slutet) och varje alternativ på en egen rad som börjar med ett streck, till exempel:
    <code>Var ses vi nästa gång?
    - I skolan
    - På ett kafé
    - Utomhus</code>
peer-send-picked = Valt: { $prompt }
peer-send-cancelled = Okej, utskicket avbröts. Inget skickades.
peer-draft-gone = Det här utskicket är redan avslutat. Börja ett nytt med /skicka.
peer-already-sent = Det här är redan skickat. 👍
peer-choose-a-group = Välj först minst en grupp.
peer-chat-not-linked = Alla valda grupper har inte en kopplad chatt.
peer-prompt-gone = Det här ämnet finns inte längre. Välj ett annat med /skicka.
peer-compose-empty = Ditt meddelande var tomt. Skriv ett meddelande, så visar jag en förhandsvisning.
peer-compose-too-long = Meddelandet är lite för långt ({ $length } tecken). Ryms det på { $most } tecken?
peer-compose-poll-options = En enkät behöver 2–{ $most } alternativ, vart och ett på en egen rad som börjar med ett streck.
peer-compose-poll-question = Enkätens fråga får vara högst { $most } tecken. Kan du korta den lite?
peer-compose-poll-option-length = Varje alternativ ska vara 1–{ $most } tecken.
peer-compose-poll-twins = Två alternativ har samma text. Ändra det ena, så fungerar enkäten.

## Förhandsvisning

peer-preview-title = 👀 <b>Förhandsvisning</b> – inget har skickats ännu.
peer-preview-to-chat = Vart: till chatten för gruppen { $groups }
peer-preview-to-private =
    Vart: privat till var och en ({ $groups }), { $count } studerande{ $skipped ->
        [0] {""}
       *[other] {" "}– { $skipped } har stängt av gruppmeddelanden eller har paus
    }
peer-preview-looks = Så här ser meddelandet ut:
peer-preview-poll-chat = Enkäten syns ovan så som den kommer till chatten.
peer-preview-poll-private = Enkäten syns ovan. Alla får den i sin egen chatt med den här följetexten:
peer-preview-tip = 💡 <b>Tips för handledaren:</b> { $tip }
peer-sent =
    ✅ Skickat { $audience ->
        [chat] { $count ->
            [one] till gruppens chatt.
           *[other] till { $count } gruppchattar.
        }
       *[private] till { $count } studerande.
    } Jag säger till när meddelandena har kommit fram.

## Knappar

peer-button-next = Fortsätt ➡️
peer-button-to-chat = 💬 Till gruppens chatt
peer-button-to-private = 👤 Privat till var och en ({ $count })
peer-button-library = 📚 Färdigt samtalsämne eller enkät
peer-button-compose = ✏️ Jag skriver ett eget meddelande
peer-button-send = ✅ Skicka
peer-button-change = ✏️ Byt innehåll
peer-button-refresh = 🔄 Uppdatera
peer-button-retry = 🔁 Försök igen ({ $count })
peer-button-results = 📊 Enkätens resultat
peer-button-all-polls = ⬅️ Alla enkäter
peer-button-mute = 🔕 Stäng av gruppmeddelanden
peer-button-unmute = 🔔 Sätt på gruppmeddelanden

## Leveransrapport

peer-report-own-message = eget meddelande
peer-report-plan-poll = planens enkät ”{ $question }”
peer-report-title =
    📬 <b>Leveransrapport</b>: { $what }
    { $groups } · { $audience ->
        [chat] till gruppens chatt
       *[private] privat till var och en
    }
peer-report-delivered = ✅ Framme: { $count }
peer-report-blocked = 🚫 Nåddes inte, eftersom Kohtaamo är blockerad: { $count } ({ $names })
peer-report-failed = ⚠️ Sändningen misslyckades: { $count } ({ $names })
peer-report-waiting = 🌙 Väntar på att de tysta timmarna tar slut (kl. { $time }): { $count }
peer-report-sending = ⏳ Ännu på väg: { $count }
peer-report-skipped = 🔕 Inte skickat (gruppmeddelanden avstängda eller paus): { $count }
peer-report-blocked-hint = <i>Om någon har blockerat Kohtaamo kommer meddelandena inte fram till hen. Du kan berätta det för hen själv och försöka igen när hen har öppnat boten på nytt.</i>
peer-retrying = 🔁 Jag försöker igen för { $count } mottagare. Du får en ny rapport när det är klart.
peer-refreshed = Uppdaterat ✓

## Enkätresultat

peer-results-none = Inga enkäter har skickats till dina grupper ännu. En enkät skickar du med /skicka.
peer-results-choose =
    📊 <b>Enkätresultat</b>
    Välj en enkät. Du ser bara en sammanfattning – vem som svarade vad sparas ingenstans.
peer-results-head =
    📊 <b>{ $question }</b>
    { $group } · { $date } · { $audience ->
        [chat] i gruppens chatt
       *[private] privat
    }
    Svarande: { $audience ->
        [chat] { $voters }
       *[private] { $voters }/{ $sent }
    }
peer-results-too-few = Det finns ännu färre än { $least } svar. Jag visar fördelningen när minst { $least } har svarat, så att ingens svar kan räknas ut.
peer-results-multiple = <i>I enkäten fick man välja flera alternativ, så procenten blir inte hundra tillsammans.</i>

## Gruppmeddelanden för studerande

peer-mute-no-group = Du är inte med i någon grupp ännu, så inga gruppmeddelanden kommer.
peer-mute-state =
    { $muted ->
        [yes] 🔕 Gruppmeddelandena är nu avstängda.
       *[no] 🔔 Gruppmeddelandena är nu på.
    }
    Gruppmeddelanden är gruppcoachens samtalsämnen och enkäter för gruppen { $group } som kommer till dig privat.

    Dina egna enkäter om hur du mår (/hurmardu) kommer ändå, och gruppens chatt fungerar som förut.
peer-muted-toast = Gruppmeddelanden av 🔕
peer-unmuted-toast = Gruppmeddelanden på 🔔

## Vad studerande och gruppen ser

peer-chat-prompt-header = 💬 <b>{ $theme }</b>
peer-chat-custom-header = 📣 <b>{ $name }</b>, gruppcoach:
peer-private-prompt-header = 💬 <b>{ $theme }</b> · gruppen { $group }
peer-private-prompt-footer = <i>Du behöver inte svara mig på det här. Fundera i lugn och ro och ta med tanken till gruppens träff. Gruppmeddelanden stänger du av med /gruppmeddelanden.</i>
peer-private-custom-header = 📣 <b>{ $name }</b> (gruppcoach, { $group }):
peer-private-custom-footer = <i>Det här är ett meddelande till hela gruppen. Vill du svara, svara gruppcoachen direkt eller i gruppen – jag skickar inte svar vidare. Gruppmeddelanden stänger du av med /gruppmeddelanden.</i>
peer-private-poll-intro =
    { $kind ->
        [quiz] 🧠 <b>Liten frågesport för gruppen { $group }</b>
       *[poll] 📊 <b>Enkät för gruppen { $group }</b>
    }
    Svara på enkäten nedan. Gruppcoachen ser bara en sammanfattning – ingen ser vad du svarade. Svaret är slutgiltigt.
    <i>Gruppmeddelanden stänger du av med /gruppmeddelanden.</i>
peer-plan-poll-intro =
    📊 <b>Enkät för gruppen { $group }</b>
    Skolans välfärdsarbete vill höra vad ni i gruppen tycker. Svara på enkäten nedan om du vill – det är frivilligt.
    Svaret är anonymt: ingen ser vad du svarade. Jag sparar bara det sammanlagda antalet svar. Det ser din gruppcoach och de vuxna som arbetar med välfärden i skolan, och först när minst { $least } studerande har svarat. Svaret är slutgiltigt.
    <i>Gruppmeddelanden stänger du av med /gruppmeddelanden.</i>
peer-scheduled-no-chat = ⚠️ Det schemalagda samtalsämnet för gruppen { $group } skickades inte, eftersom gruppen inte har någon kopplad chatt. Koppla chatten: lägg till mig där och skriv /koppla.
peer-scheduled-unknown-prompt = ⚠️ Det schemalagda ämnet { $prompt } finns inte längre i biblioteket, så inget skickades till gruppen { $group }. Kontrollera schemat med /schema.

## Samtalsämnen och enkäter (flows/vertaistuki). Enkäterna är ren text.

vp-theme-ryhmaytyminen = Gruppen lär känna varandra
vp-theme-jaksaminen = Ork och stress
vp-theme-tyossaoppiminen = Lärande på arbetsplatsen
vp-theme-raha = Pengar
vp-theme-tulevaisuus = Framtiden och vägar vidare
vp-theme-yhteinen = Att göra saker tillsammans

# Gruppen lär känna varandra
vp-ryhma-viikon-paras = Vad var veckans bästa stund? Det kan vara något helt litet – god mat, ett lyckat jobb eller en trevlig stund med en kompis. 🌟
vp-ryhma-viikon-paras-vinkki = Börja själv och berätta om din egen stund först. Det sänker tröskeln.
vp-ryhma-kaksi-totta = 🕵️ Två sanningar och en lögn! Berätta tre saker om dig själv, av vilka en inte är sann. De andra får gissa vilken som är påhittad.
vp-ryhma-kaksi-totta-vinkki = En bra uppvärmning för en ny grupp. Ingen behöver berätta något för personligt.
vp-ryhma-aamu-ilta = Är du en morgon- eller kvällsmänniska?
    .aamu = 🌅 Morgonpigg
    .ilta = 🌙 Kvällspigg
    .riippuu = 🤷 Beror på dagen
vp-ryhma-taito = Vad kan du som de andra kanske inte vet om? Det kan vara vad som helst – matlagning, spel, språk eller att laga mopeder. 💪
vp-ryhma-pelisaannot = 🤝 Hurdan är en bra grupp? Skriv här sådant som gör att vi alla trivs tillsammans.
vp-ryhma-pelisaannot-vinkki = Samla förslagen på nästa träff till gruppens gemensamma spelregler. En grupp förbinder sig bättre till regler den har gjort själv.
vp-ryhma-fiilis = Hur känns det i dag?
    .loistava = 😄 Toppen
    .hyva = 🙂 Bra
    .ok = 😐 Helt okej
    .vasynyt = 😴 Trött
    .huono = 😕 Lite dåligt
vp-ryhma-fiilis-vinkki = Om många är trötta eller mår lite dåligt, ta upp det med hela gruppen – leta inte efter enskilda som svarat.
vp-ryhma-tapaaminen = Hurdan gemensam träff skulle vara roligast för dig?
    .ulkona = 🌳 Något utomhus
    .pelit = 🎲 Spel
    .ruoka = 🍕 Vi äter tillsammans
    .jutustelu = ☕ Avslappnat prat
    .vierailu = 🏭 Besök på en arbetsplats

# Ork och stress
vp-jaksaminen-viikko = Hur har den här veckan känts?
    .kevyt = 🪶 Lätt
    .sopiva = 👍 Lagom
    .raskas = 🏋️ Tung
    .liian = 🥵 För tung
vp-jaksaminen-viikko-vinkki = Om många svarar tung, fråga gruppen vad som skulle hjälpa. Påminn om att man alltid kan prata med sin egen coach.
vp-jaksaminen-palautuminen = 🔋 Vad hjälper dig att återhämta dig efter en tung dag? Dela ditt knep – någon annan kan få en bra idé av det.
vp-jaksaminen-keinot = Vad hjälper dig när du är stressad?
    .liikunta = 🏃 Motion
    .kaverit = 👯 Kompisar
    .musiikki = 🎧 Musik
    .pelit = 🎮 Spel
    .uni = 😴 Att sova
    .ulkoilu = 🌲 Att vara ute
    .puhuminen = 💬 Att prata med någon
vp-jaksaminen-kuorma = Vad belastar dig mest just nu?
    .opinnot = 📚 Studierna
    .raha = 💶 Pengar
    .uni = 😴 Sömn eller trötthet
    .ihmissuhteet = 👥 Kompisar eller familj
    .tulevaisuus = 🔮 Framtiden
    .ei-mikaan = ✨ Inget särskilt
vp-jaksaminen-kuorma-vinkki = Resultatet berättar om gruppens gemensamma belastning. Om något sticker ut, gör det till ett gemensamt ämne och berätta var man får hjälp.
vp-jaksaminen-uni = Hur mycket sömn behöver en ung vuxen vanligen per natt?
    .viisi = 4–5 timmar
    .kahdeksan = Cirka 8–9 timmar
    .kaksitoista = 12 timmar eller mer
vp-jaksaminen-uni-selitys = De flesta 16–20-åringar behöver cirka 8–9 timmars sömn. En regelbunden sömnrytm hjälper dig att orka i skolan.
vp-jaksaminen-pieni-teko = 🌱 Vilken är en liten sak du kunde göra för dig själv den här veckan? Något litet räcker – en promenad, att gå och lägga sig tidigt eller ett meddelande till en kompis.
vp-jaksaminen-apu = Vem skulle du be om hjälp om skolan började kännas för tung? I skolan finns alltid någon att prata med: din coach, en lärare, kuratorn eller hälsovårdaren. 💙
vp-jaksaminen-apu-vinkki = Gå tillsammans igenom vem som hjälper i skolan och hur man når dem.

# Lärande på arbetsplatsen
vp-tyo-odotukset = 🧰 Vad ser du mest fram emot när du ska lära dig på arbetsplatsen? Och vad gör dig nervös?
vp-tyo-opin-viikolla = ✨ Berätta om en sak du lärde dig på arbetsplatsen den här veckan. Hur gick det?
vp-tyo-ohjaus = Får du tillräckligt med handledning på arbetsplatsen?
    .kylla = 👍 Ja
    .valilla = 🤏 Ibland
    .ei = 👎 Nej
    .en-viela = 🕐 Jag är inte på arbetsplatsen ännu
vp-tyo-ohjaus-vinkki = Om många känner att de blir utan handledning, ta upp saken med handledarna på arbetsplatserna för hela gruppens del – inte för enskilda som svarat.
vp-tyo-ohjaaja = Vem handleder dig när du lär dig på arbetsplatsen?
    .ohjaaja = Handledaren på arbetsplatsen och läraren tillsammans
    .yksin = Ingen – man måste klara sig själv
    .kaveri = Bara en annan studerande
vp-tyo-ohjaaja-selitys = På arbetsplatsen har du en handledare, och läraren håller kontakt från skolan. Att fråga hör till yrkeskunnandet!
vp-tyo-kysyminen = 🙋 Hur vågar man fråga på arbetsplatsen när man inte vet eller inte förstår? Dela tips med varandra.
vp-tyo-fiilis = Hur har det varit på arbetsplatsen?
    .mahtavaa = 🤩 Jättebra
    .hyvaa = 🙂 Bra
    .ok = 😐 Helt okej
    .hankalaa = 😕 Svårt

# Pengar
vp-raha-saastovinkki = 💶 Vilket är ditt bästa spartips? Mat, resor, kläder, telefon – alla tips är välkomna!
vp-raha-opintotuki = Var ansöker man om studiestöd?
    .kela = Hos FPA
    .vero = Hos Skatteförvaltningen
    .koulu = Hos den egna skolan
    .pankki = Hos banken
vp-raha-opintotuki-selitys = Studiestöd söks hos FPA, till exempel i MittFPA. Skolans studiehandledare eller kurator hjälper dig att söka.
vp-raha-huoli = Funderar du på pengar?
    .harvoin = 😌 Sällan
    .joskus = 🤔 Ibland
    .usein = 😟 Ofta
vp-raha-huoli-vinkki = Om många svarar ofta, bjud in kuratorn eller studiehandledaren att berätta om studiestöd och om att göra en egen budget.
vp-raha-mihin-menee = Vad går dina pengar oftast till? Finns det någon liten utgift som växer sig överraskande stor under en månad? ☕📱
vp-raha-aiheet = Vilket penningämne skulle du vilja höra mer om?
    .opintotuki = 🎓 Studiestöd och andra stöd
    .budjetti = 📊 Egen budget
    .asunto = 🏠 Första egna bostaden
    .palkka = 💼 Lön och skattekort
    .velat = ⚠️ Skulder och snabblån
vp-raha-apu = Om pengarna inte räcker får man prata om det. Kuratorn och studiehandledaren hjälper dig att reda ut vilka stöd du kan få, och hos FPA kan man fråga om studiestöd och skolresestöd. Vad mer skulle du vilja veta om pengar?

# Framtiden och vägar vidare
vp-tulevaisuus-viisi-vuotta = 🚀 Var ser du dig själv om fem år? Stora och små drömmar är lika välkomna.
vp-tulevaisuus-jatko-opinnot = Kan man söka till yrkeshögskola eller universitet efter en yrkesinriktad grundexamen?
    .kylla = Ja, det kan man
    .ei = Nej, det kan man inte
    .yo = Bara tillsammans med studentexamen
vp-tulevaisuus-jatko-opinnot-selitys = Ja! En yrkesinriktad grundexamen ger allmän behörighet för fortsatta studier vid yrkeshögskola och universitet.
vp-tulevaisuus-suunnitelma = Vad tänker du göra efter att du har tagit examen?
    .toihin = 💼 Jobba
    .opiskelemaan = 🎓 Studera vidare
    .palvelus = 🪖 Beväring eller civiltjänst
    .en-tieda = 🤷 Vet inte ännu
    .muuta = ✨ Något annat
vp-tulevaisuus-vahvuus = 💎 Vilken är din styrka som du har nytta av i ditt kommande yrke? Du kan också berätta vilken styrka du har märkt hos en gruppkompis.
vp-tulevaisuus-vahvuus-vinkki = Beröm från andra stärker hela gruppen. Se till att alla får åtminstone ett.
vp-tulevaisuus-esikuva = Vem är en människa vars arbete eller liv inspirerar dig? Vad är fint med hen?
vp-tulevaisuus-tieto = Vad skulle du vilja veta mer om?
    .tyonhaku = 🔎 Jobbsökning och anställningsintervju
    .cv = 📄 Att skriva CV
    .jatko = 🎓 Fortsatta studier
    .yrittajyys = 🚀 Företagande
    .ulkomaat = 🌍 Jobb eller studier utomlands

# Att göra saker tillsammans
vp-yhteinen-idea = Vad ska vi göra tillsammans?
    .keilaus = 🎳 Bowling eller biljard
    .leffa = 🎬 Film
    .ruoka = 🍕 Gemensam mat
    .ulkoilu = 🌲 Friluftsliv
    .pelit = 🎲 Spelkväll
    .muu = 💡 Något annat – jag berättar i chatten
vp-yhteinen-mukaan = Vem följer med på nästa gemensamma träff?
    .tulen = 🙋 Jag kommer!
    .ehka = 🤔 Kanske
    .en = 🙅 Jag kan inte den här gången
vp-yhteinen-mukaan-vinkki = I den här enkäten ser gruppen vem som svarade vad. Använd den bara för anmälningar.
vp-yhteinen-kiitos = 🙏 Tackrunda! Tacka någon i gruppen för något hen gjorde den här veckan. En liten sak räcker.
vp-yhteinen-muisto = Vilket är det bästa gemensamma minnet från den här perioden? 📸
vp-yhteinen-aika = När skulle en gemensam träff passa dig bäst?
    .koulupaivana = 🕐 Under skoldagen
    .koulun-jalkeen = 🏫 Direkt efter skolan
    .ilta = 🌆 En vardagskväll
    .viikonloppu = 📅 Under veckoslutet
vp-yhteinen-haaste = 😊 Veckans utmaning: gör något litet och trevligt för någon i gruppen – hälsa, hjälp eller ge beröm. Berätta i slutet av veckan hur det kändes!
