"""Words known to begin personal names: given names, and the family names that East Asian
names put first.

The parser uses them where the shape of a label cannot tell a name from the end of a title:
"President of <Country> <Given> <Middle> <Surname>" keeps a given name in front of the
default two-word name, while "Minister of Economic Development <Given> <Surname>" does not
take "Economic Development" into the name, and a bare label such as "Young Scientists:" is a
heading, not a person. The list is general knowledge of names, not of any one transcript;
a name missing from it only loses the longer form, never a turn.
"""

from __future__ import annotations

import unicodedata

_NAMES = """
abbas abd abdel hamid abdul abdulaziz abdullah abdulla abdurrahman abu adam adel adnan ahmad ahmed
aisen akhmad akhmat alain alan albert alberto aleksandar aleksandr aleksei aleksey alena alessandro
alex alexander alexandr alexandra alexei alexey alexis alfred ali alisher alla almazbek alpha alya
amir amr anastasia anatoly anatoli andrei andrej andres andrew andrey andrzej angela angelina ann
anna anne antonio anton antonina arkady armen arsen arseny artem artur arthur artyom askar aslan
asif aung ayman azat bashar benjamin bernard bill boris boyko bruno carl carlos catherine cesar
charles christian christine christopher claude daniel daniil daniela danila darya david denis
dimitri dmitri dmitry dmytro donald dzhanik edward egor ekaterina elena elizabeth ella elvira
emil emmanuel emomali enrique eric erik eugene eva evgeny fatima fedor felix ferdinand fernando
filipp francesco francis francisco francois frank franz fyodor galina gennady george georgy
gerhard german giuseppe gleb grigory gulnara gurbanguly hamad hans hassan heinz helmut henri
henry hilary hosni hossein hugo ibrahim igor ilham ilya inna irina isa islam ismail ivan ivanka
jacques jair jakob james jan jean jeremy jiang jinping joachim johann john jorge jose josef
joseph juan julia kamal karl kassym katerina kateryna khaled khalid khaltmaagiin kim kira kirill
klaus konstantin ksenia kseniya kurt larisa lech lee leonid li liu liudmila lucas ludmila luis
lyubov lyudmila magomed mahmoud mahmud maksim mansour marat marc marco margarita maria marie
marina mario mark martin mary matteo mauricio maxim mehmet michael michel miguel mikhail milos
mintimer mohamed mohammad mohammed mohammad muhammad murat mustafa nadezhda nail narendra
natalia natalya nguyen nicolas nikita nikol nikolai nikolay nina nursultan oleg olga
oscar pablo patrick paul pavel peter petr petro petro philippe pierre pyotr rafael ramzan
rashid raul recep renat rinat robert rodrigo roman rosa rudolf ruslan rustam salman sami
samuel sauli sebastian serge sergei sergey sergio serzh shavkat shinzo silvio sofia sophie
stanislav stefan stepan stephen svetlana taisiya tamara tamim tatiana tatyana thomas tigran
timofei timur tomas tony ueli ulyana vadim valentin valentina valeria valery vasily vera victor
viktor viktoria vincent vitaly vladimir vladislav vsevolod vyacheslav walter wang wolfgang xi
yakov yan yaroslav yekaterina yelena yelizaveta yevgeny yevgenia yuri yury zakhar zhang zinaida
aaron alevtina alice alina alisa allen alvin amanda amy anatoliy andrea anfisa annette anthony
anzhela arina arseniy ashley barbara barry beatriz bertrand beverly birgit bogdan bonnie bradley
brandon brenda brent brian brigitte bruce bryan carla carmen caroline chad charlie cheryl chiara
chris christina claire clara clifford clyde corey craig curtis cynthia dale dan danny daria deborah
denise dennis derek derrick diana diane didier dieter dina dmitriy dolores dominique donna douglas
dustin eduard edwin efim elina elisa elmira emilia emily emma enrico esther evelyn evgenia evgeniy
faina floyd francesca fred frederick gary gennadiy gerald gianni gilbert gilles giovanni giulia
gloria gordon greg gregory grigori gunter harold harry heather hector heike helen herbert herman
horst howard ilia inga ingrid innokenty iosif irene isabel isabelle jacob jacqueline jane janice
jason jeff jeffrey jennifer jens jerome jerry jesse jessica jimmy joan joel johnny jonathan jorg
joshua joyce judith julie jurgen justin karen karina katherine kathleen kathryn keith kelly kenneth
kevin kimberly klavdiya kristina kyle larry lars laura laurent lawrence lena leon leonard lester
lev lewis lidia lidiya lilia liliya lillian linda lloyd lorenzo louise luca lucia makar manfred
manuel marcus margaret marianna marilyn marta martha marvin massimo matthew matvei matvey maurice
melissa melvin michelle mike milana miroslav monica nancy nathalie nathan nelli nicholas nicole
nils norman oksana olaf olesia olesya olivier pamela paola paolo pascal pauline pedro philip
phillip pilar platon polina prokhor rachel rainer raisa ralph ramon randall raymond rebecca ricardo
richard ricky rimma roberto robin rodion rodney roger ronald rostislav russell ryan sabine sam
sandra sarah savva scott sean semen semyon shane sharon shawn silvia snezhana sofiya sofya stanley
stefano stephanie steven susan sven svyatoslav sylvie taisia taras teresa theodore theresa thierry
timofey timothy todd tommy travis trofim tyler uliana ursula uwe valerie valeriy valeriya varvara
vasilisa veniamin vernon veronika vitaliy vlada warren wayne werner wesley william xavier yana
yaroslava yefim yegor yulia yuliya yuriy yves zachary zhanna zlata zoya
afanasy akim andrian avdei borislav bronislav demid emelyan yemelyan fedot foma gavriil gerasim
ignat illarion ippolit kazimir kondrat kuzma lavrenty lazar luka mefody miron mitrofan nazar
nestor nikanor nikifor osip pakhom savely serafim terenty tikhon valerian vladlen yermolai yulian
agafya albina darina eleonora evelina inessa kapitolina klara miroslava roza stanislava yevdokia
aibek aidar aigul airat aizhan akhmed alsu amina arman ayaal bair bakhyt batraz bolat bulat damir
dauren dinara dorzhi eldar fanis farid gusein guzel husein ildar ildus ilgiz ilnar ilnur ilshat
ilyas insaf kairat kazbek khabib khasan madina murad nurlan radik rafis ramil rasul ravil rifat
rustem salavat sardana shamil soslan yerlan yerzhan zalina zarina zaur zulfiya fareed lionel megyn
paula otto friedrich hanna hannah heiko heinrich ulrich wilhelm juergen rolf guenter gunther gustav
lothar markus matthias andreas stephan tobias lukas jonas florian thorsten torsten holger volker
norbert reinhard siegfried sigmar annegret petra monika gabriele karin renate helga annalena katrin
kerstin frauke svenja christa angelika anders henrik magnus erna sanna mette niels bjorn soren kjell
jyrki giorgio luigi romano giorgia javier alvaro luiz inacio dilma cristina evo gustavo joao marcelo
herve segolene christophe benoit arnaud pieter willem hendrik johannes maarten geert jeroen joost
ruud wim dwight barack hillary condoleezza colin madeleine rex joanne nigel keir liz rishi tayyip
mevlut ahmet hakan binali taro fumio yoshihide junichiro manmohan sushma subrahmanyam sooronbay
sadyr levon volodymyr luisa fernanda guadalupe ines raquel jimena ximena alejandro alejandra gabriel
gabriela ignacio felipe gonzalo diego joaquin agustin
akmal amelia amin anahit anvar anwar aram ashot askhat bakhtiyor betty bohdan botir burak carol cem
dana daniyar davit demir dilara dilnoza dilshod elnur emre erdem farida gagik gayane gela giorgi
glafira glenn gocha hovhannes ilgar ilona irakli jamal jamil jamila jamshid juliana karim karima
kemal ketevan laila layla leila levan leyla liliana lilit lisa mert nabil nabila nadia narek nodira
otar ozan rafail rafik rafiq rania rinas rostam ruth salim samir samira selim serkan shahin shakhin
sherzod shirin sonia tagir tahir tamar ulugbek vahagn venedikt vladislava volkan yakiv yasmin
yasmina zaira zaurbek zurab
"""

GIVEN_NAMES: frozenset[str] = frozenset(_NAMES.split())

# One spelling for the ways a Russian given name is transliterated ("Viatcheslav" and
# "Vyacheslav", "Alexey" and "Alexei", "Yuri" and "Yury", "Aleksandr" and "Alexandr").
_SPELLINGS = (("tch", "ch"), ("ia", "ya"), ("iu", "yu"), ("ks", "x"), ("ey", "ei"), ("iy", "y"))


def _spelling(name: str) -> str:
    for a, b in _SPELLINGS:
        name = name.replace(a, b)
    return name[:-1] + "y" if name.endswith("i") and len(name) > 3 else name


_SPELLED: frozenset[str] = frozenset(_spelling(n) for n in GIVEN_NAMES)


def begins_a_name(word: str) -> bool:
    """Is this word (any case, with or without a hyphenated second part, in any of the usual
    transliterations) known to begin names?"""
    low = word.casefold().strip(".,")
    if not low.isascii():  # "José", "María", "François": the list writes them without accents
        low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    first = low.split("-", 1)[0]
    return low in GIVEN_NAMES or first in GIVEN_NAMES or _spelling(first) in _SPELLED


_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "ich")


def is_patronymic(word: str) -> bool:
    """Is this word a patronymic: a given name the list knows with a son's or a daughter's ending
    ("Ivanovich", "Sergeyevna", "Nikitich" of "Nikita")? A surname of that shape whose stem is no
    given name ("Dvorkovich", "Babich") is not. A name that loses a vowel before the ending
    ("Pavlovich" of Pavel, "Lvovich" of Lev) or ends in one ("Ilyinichna" of Ilya) is found too."""
    low = word.casefold()
    for ending in _PATRONYMIC_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            stem = low[: -len(ending)]
            forms = [stem, stem + "a", stem + "y", stem + "i"] if len(stem) > 2 else []  # ("Alich")
            if len(stem) >= 2 and not any(c in _VOWELS for c in stem[-2:]):
                forms.append(stem[:-1] + "e" + stem[-1])  # "pavl" -> "pavel", "lv" -> "lev"
            if stem.endswith("in") and len(stem) > 3:
                forms.append(stem[:-2] + "a")  # "ilyin" -> "ilya", "fomin" -> "foma"
            return any(begins_a_name(s) for s in forms)
    return False


_VOWELS = frozenset("aeiouy")
