"""Crisis phrases in Swedish and English.

The cue detector (bot.risk.cues) reads Finnish. Swedish-speaking students (Finland has
Swedish-language vocational schools, and the bot speaks Swedish) and students who write
English get the same protection from these phrase patterns: self-harm and suicide — wishes,
passive wishes, methods, preparations — and child protection — violence or threats at home,
being afraid to go home or thrown out, sexual violence, grooming and sextortion.

Recall comes first (a false alarm costs far less than a miss), but figurative talk ("this exam
is killing me", "jag dör av skratt") has no pattern here, and a phrase plainly negated just
before ("I never wanted to die") does not count. A phrase marked as a joke ("lol", "jk", 😂) is
only a possible crisis, and so is a means or a place named with an intent ("the pills are in
my hand"), a farewell or a passive thought: the bot asks the student ("are you safe right
now?") instead of starting the protocol.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.risk.lexicon import DATA_DIR
from bot.risk.model import CueModel, features

OTHER_MODEL_PATH = DATA_DIR / "other_model.json"
OUTPUTS = ("safety", "child_protection")

# Finland-Swedish speech drops letters: "int" for inte, "ja" for jag, "mej" for mig.
_SV_NOT = r"(?:inte|int|ej)"
_SV_ME = r"(?:mig|mej|mä)"
_SV_SELF = rf"{_SV_ME} ?själv"
_EN_SELF = r"my ?self|myslef|mself"
# "I cut myself while cooking", "skar mig i fingret": an accident, not self-harm.
_EN_NOT_ACCIDENT = (
    r"(?! (?:while|during|at (?:practice|work|training|football|the gym)|on (?:a|the)"
    r"|in (?:the|a) (?:kitchen|workshop|gym|game)|playing|cooking|shaving|by accident"
    r"|accidentally|when (?:i was |we were )?(?:cooking|playing|shaving|fell|working))\b)"
)
_NOT_A_GAME = (
    r"(?! (?:i|in|at|off|on|på) (?:fifa|the game|a game|spelet|chess|schack|cards|kort|the sofa"
    r"|the couch|soffan|\w*ball|\w*boll|the match|matchen|the team|laget|\w*spel\w*)\b)"
)
_SV_NOT_ACCIDENT = r"(?! (?:i (?:fingret|handen|tummen|foten)|på|när|av misstag|med kniven)\b)"

_CRISIS_SV = (
    r"självmord|suicid",
    rf"ta(?:r|git)? livet av {_SV_ME}",
    rf"(?:döda|dödar|skada|skadar|skära|skär|bränna|bränner|slå|slår|svälta|svälter)"
    rf" {_SV_SELF}{_SV_NOT_ACCIDENT}",
    rf"\b(?:skär|skar|bränner|brände|rispar|rispade) {_SV_ME}\b{_SV_NOT_ACCIDENT}",
    r"vill(?: bara)? (?:dö|döden|sluta leva|försvinna för (?:alltid|gott))",
    rf"vill {_SV_NOT} (?:leva|finnas|vakna) (?:längre|mer|alls|nånsin|någonsin)",
    rf"vill {_SV_NOT} (?:leva|finnas)\b",
    rf"orkar {_SV_NOT} (?:leva|finnas)",
    r"önskar (?:att )?(?:jag|ja) (?:var|vore) död",
    r"önskar (?:att )?(?:jag|ja) aldrig (?:fötts|föddes)",
    r"(?:bättre|lättare) (?:om (?:jag|ja) (?:var|vore) död|utan mig)",
    rf"(?:hoppa|hoppar|kasta {_SV_ME}|kastar {_SV_ME})"
    r" (?:ner |ut )?(?:från|ur) (?:bron|taket|balkongen|fönstret|en bro|ett tak|ett hustak)",
    rf"(?:hoppa|hoppar|kasta {_SV_ME}|kastar {_SV_ME}|ställa {_SV_ME}|ställer {_SV_ME}"
    r"|gå|går) (?:framför|under) (?:tåget|ett tåg|bussen|en buss|en bil|bilen|en lastbil)",
    r"(?:ta|tar|äta|äter|svälja|sväljer|tog|åt) alla (?:mina )?(?:tabletter|piller|mediciner)",
    r"överdos",
    rf"(?:hänga|hänger|dränka|dränker|skjuta|skjuter) {_SV_ME}\b",
    r"avskedsbrev|självmordsbrev|farvälbrev",
    r"(?:mitt|de?t) sista meddelande|sista gången ni hör från mig",
    r"(?:ger|gav|ge) bort (?:alla )?mina (?:saker|grejer|prylar)",
    r"sluta (?:existera|finnas|andas)|vill att allt (?:ska )?ta(?:r)? slut",
    r"trött på (?:att leva|livet)",
    r"somna (?:å|och|o) (?:aldrig|aldri|int|inte) vakna|sova för alltid",
    r"(?:tog|har tagit|åt|svalde) (?:typ |ca |nästan )?(?:[1-9]\d+|en hel burk|hela burken|alla)"
    r" (?:\w+ )?(?:tabletter|piller|panodil|burana|alvedon|sömntabletter|mediciner)",
    r"(?:hur många|hur mycket) .{0,30}(?:för att dö|för att int vakna|räcker|dödlig)",
    r"(?:förtjänar|förtjänade) (?:int|inte) (?:mat|att äta|att leva)",
    r"(?:skar|skär|rispade|rispar|klippte upp|öppnade) .{0,25}(?:armen|handleden|låret|såren"
    r"|huden)",
    r"(?:brände|bränner|tryckte|hällde) .{0,30}(?:handleden|armen|huden|låret|handen)"
    r".{0,30}(?:förtjäna|kände|straff|meningen|med flit)",
    r"(?:biter|slår|slog|skadar) (?:mej|mig|huvudet) .{0,30}(?:tills|varje gång|som straff)",
    r"som straff",
)
_CRISIS_EN = (
    r"suicid",
    rf"kill(?:ing)? (?:{_EN_SELF})|\bkms\b|end(?:ing)? (?:it all|my life|my own life)",
    rf"take my (?:own )?life|unalive (?:{_EN_SELF})",
    r"(?:want|wanna|going|gonna|plan(?:ning)?|ready|about) (?:to )?die\b"
    r"(?! (?:of|from|laughing|when|if|for|at|in class)\b)",
    r"(?:want|wanna) to be dead|wish (?:i|I) (?:was|were) dead|wish i (?:was|were)n'?t born"
    r"|wish i was never born|wish i could (?:just )?(?:disappear|die|sleep forever|not wake up)",
    r"(?:don'?t|do not|dont) want to (?:live|be alive|exist|wake up)(?! (?:early|at)\b)",
    r"(?:want|wanna) to (?:disappear|vanish) (?:forever|for good)",
    r"better off (?:dead|without me)|no (?:reason|point) (?:to|in) (?:live|living|being alive)",
    r"(?:hurt|hurting|harm|harming|harmed|cut|cutting|burn|burning|burned|burnt|hit|hitting"
    r"|punch|punching|punched|starve|starving|starved)"
    rf" (?:{_EN_SELF}){_EN_NOT_ACCIDENT}"
    # Finnish endings too: "self harmaan aina ku ahistaa" is the writer's own.
    r"|self[- ]?harm",
    r"(?:cut|cutting|slit|slice) my (?:wrists?|arms?|thighs?|legs?)",
    r"(?:jump|jumping|throw myself|throwing myself) (?:off|from) (?:a |the |that |our )?"
    r"(?:bridge|roof|building|balcony|window|cliff)",
    r"(?:jump|jumping|step|stepping|walk|walking|throw myself|throwing myself|lie down)"
    r" (?:in front of|under) (?:a |the |that )?(?:train|bus|car|truck|tram)",
    r"(?:take|took|swallow|swallowed|taking|eat) (?:all )?(?:the |my |of my )?(?:pills|tablets"
    r"|meds) (?:all )?at once|overdos|\bod\b on",
    rf"(?:hang|hanging|drown|drowning|shoot|shooting) (?:{_EN_SELF})",
    r"(?:goodbye|suicide|farewell) (?:letter|note)",
    r"(?:this is|this'?s|here'?s) my last (?:message|text|post)",
    r"giv(?:e|ing) (?:away )?(?:all )?my (?:stuff|things) away",
    r"gave away (?:all )?my (?:stuff|things)",
    r"won'?t be (?:here|around) (?:anymore|much longer) (?:anyway|for you|after)?",
    r"(?:don'?t|dont|do not) (?:want|wanna) (?:to )?(?:be alive|live|exist)\b",
    r"(?:tired|sick) of (?:living|life|being alive)|stop existing|want (?:it|everything) (?:to )?"
    r"(?:end|stop) (?:forever|for good|now)|never wake up again|sleep and never wake",
    r"better without me",
    r"(?:took|taken|swallowed|ate) (?:a |the )?(?:whole |full )?(?:box|bottle|pack|packet"
    r"|[1-9]\d+|all) (?:of )?(?:my |mom'?s |moms |dad'?s )?(?:\w+ )?(?:pills|tablets|paracetamol"
    r"|panadol|ibuprofen|burana|sleeping pills|meds)",
    r"how (?:many|much) .{0,30}(?:enough|to die|not wake|kill|lethal|overdose)",
    r"(?:don'?t|dont|do not) deserve (?:food|to eat|to live)|as (?:a )?punishment",
    r"(?:opened|reopened) (?:my )?(?:old )?cuts|(?:burn|burned|burnt|scratched|scratch) (?:marks )?"
    r".{0,25}(?:my (?:arm|wrist|thigh|skin|hand)).{0,40}(?:deserve|on purpose|feel something"
    r"|punish|until)",
    r"(?:on purpose|to feel something|(?:bc|because|cuz) i deserve)",
)
# Possible crises: a means or a place with an intent, a farewell, a passive thought. The bot asks
# the student ("are you safe right now?") instead of starting the protocol.
_MAYBE_SV = (
    rf"vill (?:bara )?{_SV_NOT} (?:vakna|va här|vara här|finnas)",
    r"(?:om|ifall) (?:ja|jag) (?:int|inte) fanns|(?:om|ifall) (?:ja|jag) (?:dog|dör)",
    r"(?:ingen|int nån|ingen skulle) (?:skulle )?(?:sakna|märka|bry sig|gråta)",
    r"blir påkörd|(?:int|ingen) idé att (?:fortsätta|leva)|tror (?:int|inte) (?:ja|jag) lever",
    r"(?:hej ?då|hejdå|farväl) (?:allihopa|alla|till alla)|ha de bra (?:allihopa|alla)",
    r"förlåt (?:mamma|pappa|allihopa|alla|för allt)",
    r"(?:sista|sista gången) .{0,20}(?:inlägg|meddelande|gången ni)",
    r"(?:har |redan )?bestämt (?:datum|dag|mej|mig)|ikväll e ikväll|ja vet hur ja ska göra",
    r"(?:bron|spåret|rälsen|järnvägen|tåget|taket|ett rep|repet|snaran|tabletter|pillren|piller"
    r"|kniven|rakbladet|isen|sjön|geväret|pistolen|vapenskåpet)"
    r".{0,50}(?:hoppa|stå|lägga mej|lägga mig|hänga|räcker|håller|tunn|vet var|vet hur"
    r"|behöver|ifall ja|sen e he över|nu|framför mig|i handen)",
    r"(?:hoppa|lägga mej|lägga mig|hänga|stå) .{0,30}(?:bron|spåret|rälsen|järnvägen|taket)",
    r"(?:köra|svänga|styra) (?:in )?(?:i|framför|mot) (?:ett träd|en lastbil|väggen|en vägg"
    r"|mötande)",
)
_MAYBE_EN = (
    r"(?:don'?t|dont|do not) (?:want|wanna) (?:to )?wake up(?! (?:early|at)\b)",
    r"(?:if i die|if i was gone|if i wasn'?t here)|nobody (?:would|will) (?:care|cry|miss|notice)",
    r"(?:hope|wish) (?:a car|a bus|a train|something) (?:hits|hit|kills) me|why (?:am i|im|i'?m)"
    r" (?:even )?(?:alive|living|here)|no point (?:in )?(?:living|anything|going on)",
    r"(?:bye|goodbye) (?:guys|everyone|all|everybody)|sorry for everything",
    r"take care (?:all|everyone|guys)|tell .{0,20}i love (?:him|her|them)",
    r"(?:decided|picked|chose) the (?:date|day)|tonight is the night|(?:have|got) everything i need"
    r" to do it|wrote my will|deleted all my",
    r"(?:bridge|railway|tracks|roof|rope|beam|pills|knife|razor|gun|bullets|the ice)"
    r".{0,50}(?:jump|stand|tie|hold my weight|enough|right now|in my hand|under my pillow"
    r"|where|looking down|thin|can'?t take it)",
    r"(?:drive|turn the wheel|crash) .{0,20}(?:into|in front of) (?:the |a )?(?:wall|truck|tree"
    r"|bus|lorry)",
    r"(?:walk|go) into the (?:sea|lake|water) and not come back|im on the roof",
    # Not being alive, or not existing, would be nice; no future alive ("would be nice to just
    # not exist", "can't see myself alive next year").
    r"(?:nice|good|better|easier|great|peaceful) (?:to|if i could|if i) (?:just |simply )?"
    r"(?:not exist|stop existing|disappear|vanish|not be here|not wake up|never wake up)"
    r"(?! (?:early|at|before|until|till|in time|for|from|off|to|into)\b)",
    r"(?:can'?t|cant|don'?t|dont|do not|cannot) (?:see|imagine|picture) (?:myself|me) (?:being )?"
    r"(?:alive|living|here|around|making it|as an adult|grown up|old)",
    r"(?:won'?t|wont|not gonna|not going to|don'?t think i'?ll|dont think ill) (?:still )?(?:be )?"
    r"(?:alive|live to see)\b",
)
_FAMILY_SV = (
    r"(?:pappa|mamma|styvpappa|styvmamma|styvfar|farsan|morsan|bror|brorsan|pojkvän(?:nen)?"
    r"|flickvän(?:nen)?|han|hon|de|dom|föräldrarna|mina föräldrar)"
)
_CHILD_SV = (
    rf"{_FAMILY_SV} (?:slår|slog|sparkar|sparkade|hotar|hotade|misshandlar|misshandlade"
    rf"|stryper|ströp|våldtog|tafsar på|tafsade på|tvingade|tvinga|låser in|låste in|tog)"
    rf" {_SV_ME}\b{_NOT_A_GAME}",
    rf"(?:ska|skall|kommer att) döda {_SV_ME}|e ja död|är jag död",
    rf"(?:gjorde|gör) saker (?:me|med) {_SV_ME}|tar på {_SV_ME}|vår (?:hemlis|hemlighet)",
    r"(?:fick|får) (?:int|inte) komma hem|sover (?:i trappuppgången|ute|på stationen|i bilen)",
    r"(?:sprida|skicka|lägga ut|sprider|skickar) (?:mina |min )?(?:bilder|video|videon"
    r"|nakenbilder|foton)(?: .{0,30})?(?:om (?:ja|jag) (?:int|inte)|åt (?:hela|min))",
    r"(?:vill att (?:ja|jag) ska|ber mej|ber mig) (?:skicka bilder|träffas|träffa honom)",
    r"(?:man|gubbe|kille|karl|vuxen) .{0,40}(?:[3-6]\d|vuxen) .{0,40}(?:bilder|träffas|flickvän"
    r"|pojkvän|int får berätta|presenter)",
    r"(?:blåmärken) .{0,60}(?:pappa|mamma|han|hon|ramla)",
    r"slog (?:mamma|pappa|syster|bror)",
    r"(?:blev|har blivit|blivit) (?:våldtagen|utnyttjad|antastad|misshandlad)",
    rf"(?:vågar|törs) {_SV_NOT} (?:gå|åka|komma) hem|(?:rädd|rädda) (?:för )?att (?:gå|åka) hem",
    rf"(?:kastade|slängde|sparkade) ut {_SV_ME}|ingenstans att (?:sova|bo|ta vägen)",
    rf"{_SV_NOT} trygg(?:t)? (?:hemma|där hemma)",
    r"(?:vill ha|ber om|tjatar om|kräver) (?:mina )?(?:nakenbilder|nudes|bilder på min kropp)"
    r"|vill att (?:jag|ja) skickar (?:nakenbilder|nudes|bilder på (?:mig|min kropp))",
    r"hotar (?:att |med att )?(?:sprida|skicka|lägga ut|visa) (?:mina )?(?:bilder|foton|video)",
)
_FAMILY_EN = (
    r"(?:dad|father|mom|mum|mother|stepdad|stepfather|step dad|stepmom|brother|uncle"
    r"|boyfriend|bf|he|she|they|parents)"
)
_CHILD_EN = (
    rf"{_FAMILY_EN} (?:hits|beats|hit|beat|kicks|kicked|chokes|choked|strangled|threatens"
    r"|threatened|threaten|abuses|abused|hurts|touched|touches|touch|forced|force|locks|locked"
    rf"|throw|threw) me\b{_NOT_A_GAME}",
    r"(?:will|gonna|going to|would) kill me if|(?:said|says|say) .{0,15}kill me|i am dead"
    r" if|if i come home .{0,20}dead",
    r"(?:did|does|do) (?:things|stuff) to me|touch(?:es|ed)? my (?:leg|body|chest|butt)"
    r"|our (?:little )?secret|(?:comes|came) into my room at night|forced me",
    r"(?:share|send|post|spread|leak|show) (?:the |my |our )?(?:video|pics|pictures|photos|nudes)"
    r".{0,40}(?:if i (?:don'?t|dont|do not)|unless|to (?:the )?whole school"
    r"|to my (?:family|parents))",
    r"(?:wants|want|asking|asks) me (?:to )?(?:send (?:pics|pictures|photos)|meet him)"
    r"|(?:old|older|adult|grown) (?:guy|man|men) .{0,40}(?:pics|pictures|photos|meet|secret"
    r"|gf|girlfriend|snap|insta|discord|online|gift|tell (?:my|anyone))",
    r"(?:he|she) (?:is|was|says he is) (?:like |around )?[3-6]\d\b",
    r"threw (?:a |the )?\w+ at me|scared of my (?:dad|father|mom|stepdad|stepfather|brother)",
    r"(?:hit|hits|beat|beats) my (?:mom|mum|mother|sister|brother)",
    r"(?:throw|threw|kicked|kick) me out|(?:sleeping|sleep|living) (?:at|in) (?:the |my )?"
    r"(?:bus station|train station|stairwell|car|street)",
    r"send me back .{0,30}(?:marry|married)|marry me (?:off|to)",
    r"(?:raped|assaulted|molested) me|(?:was|got|been|being) (?:raped|sexually assaulted"
    r"|molested|abused)",
    r"(?:afraid|scared|terrified) (?:to go|of going) home|(?:not|don'?t feel|never) safe at home",
    r"(?:kicked|threw|thrown) me out|kicked out (?:of|from) (?:the house|home)"
    r"|nowhere to (?:sleep|stay|go) tonight|(?:sleeping|slept|sleep) (?:outside|on the street"
    r"|in the stairwell)",
    r"(?:wants|asked|asking|asks|keeps asking) (?:me )?(?:for|to send) (?:nudes|naked"
    r"|pics of my body|pictures of my body)",
    r"threat\w* to (?:share|send|post|leak|spread|show) (?:my |our )?(?:pics|pictures|photos"
    r"|nudes|videos?)|sextort",
)


def _compile(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


CRISIS_PHRASES = _compile(_CRISIS_SV + _CRISIS_EN)
CHILD_PHRASES = _compile(_CHILD_SV + _CHILD_EN)
MAYBE_PHRASES = _compile(_MAYBE_SV + _MAYBE_EN)
# Finnish negatives too: English inside a Finnish message ("ei enää self harmia"). Not "en":
# in Swedish it is "a" ("har en plan att hänga mig").
_NEGATED_BEFORE = re.compile(
    r"\b(?:\w+n't|dont|cant|wont|didnt|doesnt|isnt|not|never|inte|int|aldrig|ei|eikä|enkä"
    r"|enää|ikinä)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SELF_NEGATING = ("don", "do not", "dont")
_JOKE = re.compile(r"\b(?:lol|jk|jkjk|haha\w*|lmao|xd)\b|😂|🤣|😆|😹", re.IGNORECASE)
# Someone else's story or trouble, or a lesson about it: asked about, never the protocol.
_ELSEWHERE = re.compile(
    r"\b(?:film\w*|movie|series|serien?|game|spel\w*|level|book|boken|news|nyheter\w*|lesson"
    r"|lektion\w*|temadag\w*|theme day|prevention|friend|kompis\w*|kaveri\w*|song|låten)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# Somebody else's self-harm: a person named before the phrase in its clause and no word for
# the writer there ("mun sisko self harmaa", "my sister self harms"). Family words are not
# _ELSEWHERE: "my dad hits me" is the writer's own danger, and names the writer.
_PERSON = re.compile(
    r"\b(?:sisko\w*|siskon\w*|veli|velje\w*|serkku\w*|serku\w*|äiti\w*|isä\w*|mutsi\w*"
    r"|faija\w*|poikaystäv\w*|tyttöystäv\w*|bestis\w*|sister|brother|cousin|mom|mum|dad"
    r"|boyfriend|girlfriend|bf|gf|syster\w*|bror\w*|kusin\w*|mamma|pappa|pojkvän\w*"
    r"|flickvän\w*)\b",
    re.IGNORECASE,
)
_WRITER = re.compile(
    r"\b(?:i|i'm|im|me|myself|mä|mää|mie|minä|mua|minua|mulle|minulle|mulla|itteni|itseni"
    r"|itteäni|jag|mig|mej)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:ja|mut|mutta|ku|kun|and|but|och|men)\b", re.IGNORECASE)


@dataclass(frozen=True)
class OtherLanguageFinding:
    crisis: tuple[str, ...]  # sentences with a self-harm or suicide phrase
    child: tuple[str, ...]  # sentences with a violence or abuse phrase
    # Only a possible crisis: every finding is a "maybe" phrase or sits in a sentence marked
    # as a joke or about someone else's story (a film, a game, a friend, a lesson). The bot
    # asks the student instead of starting the protocol.
    unsure: bool

    def __bool__(self) -> bool:
        return bool(self.crisis or self.child)


# The word itself as a topic of schoolwork, not the writer's act: "a project about self-harm for
# health class", "mun essay on about self harm awareness", "en uppsats om självmord".
_TOPIC_NOUN = re.compile(r"suicid|självmord|self[- ]?harm", re.IGNORECASE)
_SCHOOLWORK = (
    r"essays?|projects?|presentations?|assignments?|reports?|papers?|research|course|class"
    r"|homework|lectures?|documentar(?:y|ies)|podcasts?|uppsats\w*|föredrag\w*|projekt\w*"
    r"|skolarbete\w*|kurs\w*|essee\w*|esitelm\w*|projekti\w*|tutkielm\w*|kurssi\w*"
)
# The schoolwork word, at most four words before the topic, none of them the writer ("my
# project is about how I self harm" is the writer's own).
_TOPIC_BEFORE = re.compile(
    rf"\b(?:{_SCHOOLWORK})\b(?:\s+(?!(?:i|i'm|im|me|my|myself|jag|ja|mig|mej)\b)[\w'-]+){{0,4}}"
    r"\s+$",
    re.IGNORECASE,
)
_TOPIC_AFTER = re.compile(r"^\s*(?:awareness|prevention|statistics|stats|rates?)\b", re.IGNORECASE)
# "used to self harm", "clean 8 months": a past the writer tells, unless it is back ("again",
# "igen", "taas").
_USED_TO = re.compile(r"\b(?:used to|brukade)\s+(?:\w+\s+)?$", re.IGNORECASE)
_CLEAN_FOR = re.compile(
    r"\b(?:clean|ren|puhdas)\s+(?:for\s+|i\s+|nyt\s+)?(?:\d+|a|one|two|three|six|ett|en|två)\s*"
    r"(?:days?|weeks?|months?|years?|dagar|veckor|månader|år|päivää|viikkoa|kuukautta|kk|vuotta|v)\b",
    re.IGNORECASE,
)
_AGAIN = re.compile(r"\b(?:again|relaps\w*|igen|återfall\w*|taas|uudestaan|uudelleen)\b", re.I)
# "clean 3 months but today I cut myself": what follows the contrast is now, not the past.
_CONTRAST = re.compile(r"\b(?:but|until|men|tills|mut|mutta|kunnes|paitsi)\b", re.IGNORECASE)


def _over(sentence: str, match: re.Match[str]) -> bool:
    """A past that is over: "used to" just before the phrase, or "clean 8 months" in the
    sentence but not before a contrast that leads to the phrase; never with "again"."""
    if _AGAIN.search(sentence):
        return False
    if _USED_TO.search(sentence[: match.start()]):
        return True
    clean = _CLEAN_FOR.search(sentence)
    if clean is None:
        return False
    return clean.end() > match.start() or not _CONTRAST.search(sentence, clean.end(), match.start())


def _negated(sentence: str, match: re.Match[str]) -> bool:
    """Denied ("I never wanted to die"), a past that is over ("used to self harm, now clean
    two years"), or the word as a school project's topic."""
    before = sentence[: match.start()]
    negation = _NEGATED_BEFORE.search(before)
    if negation is not None and not match.group(0).lower().startswith(_SELF_NEGATING):
        return True
    if _over(sentence, match):
        return True
    return bool(
        _TOPIC_NOUN.match(match.group(0))
        and (_TOPIC_BEFORE.search(before) or _TOPIC_AFTER.match(sentence[match.end() :]))
    )


@dataclass(frozen=True)
class _Scan:
    """One pass of the phrases over a text: the sentences each group found, not negated, and
    whether any phrase was there but negated."""

    crisis: tuple[str, ...]
    child: tuple[str, ...]
    maybe: tuple[str, ...]
    negated: bool


def _scan(text: str) -> _Scan:
    found: dict[str, list[str]] = {"crisis": [], "child": [], "maybe": []}
    negated = False
    for sentence in _SENTENCE.split(text):
        stripped = sentence.strip()
        for group, phrases in (
            ("crisis", CRISIS_PHRASES),
            ("child", CHILD_PHRASES),
            ("maybe", MAYBE_PHRASES),
        ):
            for match in phrases.finditer(sentence):
                if _negated(sentence, match):
                    negated = True
                elif stripped not in found[group]:
                    found[group].append(stripped)
    return _Scan(tuple(found["crisis"]), tuple(found["child"]), tuple(found["maybe"]), negated)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common little words: a message is read as Swedish or English when they outnumber the
# Finnish ones (the Finnish detector has read it first in any case).
_SWEDISH_WORDS = _words(
    "och å jag ja int inte mej mig dej dig är e de det he som för på vill har kan ska "
    "hem bara typ nån nå hur när min mitt mina dom han hon vad så om att till me med "
    "av en ett i går orkar här där nu igen aldrig aldri alla ingen mycket mer sen "
    "efter innan också men"
)
_ENGLISH_WORDS = _words(
    "i the and to my me is im i'm dont don't want you it of in not a he she they have "
    "just so what this that with for on at be was are can will would if no nobody "
    "anymore again never all everyone everything feel think know about after before "
    "tonight home"
)
_FINNISH_WORDS = _words(
    "ja on en ei mä mää mie sä se ne ku kun et että oon olen olla mut mutta ihan vaan "
    "vain tää tämä mun minun mulla sun nyt jo taas enää kaikki mitään kukaan koulu "
    "koulussa kotona kotiin haluun haluan jaksa"
)
_WORD = re.compile(r"[^\W\d_]+(?:'[a-z]+)?", re.IGNORECASE)


def looks_swedish_or_english(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    other = sum(w in _SWEDISH_WORDS or w in _ENGLISH_WORDS for w in words)
    finnish = sum(w in _FINNISH_WORDS for w in words)
    return other > finnish and other * 4 >= len(words)


_MARKS = (("joke", _JOKE), ("elsewhere", _ELSEWHERE))
_GROUPS = (("crisis", CRISIS_PHRASES), ("child", CHILD_PHRASES), ("maybe", MAYBE_PHRASES))


def model_features(text: str, *, phrases_searched: bool = False) -> set[str]:
    """The model's features: the Finnish model's kind (bot/risk/model.py) and which groups of
    phrases fired, so it learns how far to trust each. `phrases_searched`: the caller knows
    none of the phrase groups fired (find() asks the model only then), so they are not
    searched again."""
    groups = () if phrases_searched else _GROUPS
    fired = [f"p:{name}" for name, phrases in (*groups, *_MARKS) if phrases.search(text)]
    return features(text, (), fired)


@functools.cache
def load_model() -> CueModel | None:
    """The shipped model (cached); None only in a checkout whose model was never built."""
    return CueModel.load(OTHER_MODEL_PATH) if OTHER_MODEL_PATH.exists() else None


def find_phrases(text: str) -> OtherLanguageFinding:
    """What the phrases alone find."""
    return _from_phrases(_scan(text))


def _someone_elses(sentence: str) -> bool:
    """A crisis phrase told of somebody else in its own clause (see _PERSON)."""
    for match in CRISIS_PHRASES.finditer(sentence):
        start = max(
            (b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, match.start())), default=0
        )
        end = _CLAUSE_BREAK.search(sentence, match.end())
        clause = sentence[start : end.start() if end else len(sentence)]
        if not _PERSON.search(sentence, start, match.start()):
            return False
        if _WRITER.search(clause):
            return False
    return True


def _from_phrases(scan: _Scan) -> OtherLanguageFinding:
    found = (*scan.crisis, *scan.child)
    if found:
        softened = all(_JOKE.search(s) or _ELSEWHERE.search(s) for s in found) or (
            not scan.child and all(_someone_elses(s) for s in scan.crisis)
        )
        return OtherLanguageFinding(scan.crisis, scan.child, softened)
    return OtherLanguageFinding(scan.maybe, (), unsure=bool(scan.maybe))


def find(text: str) -> OtherLanguageFinding:
    """The phrases, and where they find nothing in a Swedish or English message, the model:
    what it suspects is asked about. A phrase the student's own words deny ("I don't want to
    die") keeps the model out: it reads the words, not the negation."""
    scan = _scan(text)
    phrased = _from_phrases(scan)
    if phrased:
        return phrased
    model = load_model()
    if model is None or scan.negated or not looks_swedish_or_english(text):
        return NOTHING
    probs = model.probabilities(model_features(text, phrases_searched=True))
    if probs["safety"] < model.thresholds.ask:
        return NOTHING
    # The model reads the whole message: it is what the student is asked about.
    whole = (" ".join(text.split())[:300],)
    if probs["child_protection"] >= 0.5:
        return OtherLanguageFinding((), whole, unsure=True)
    return OtherLanguageFinding(whole, (), unsure=True)


NOTHING = OtherLanguageFinding((), (), unsure=False)
