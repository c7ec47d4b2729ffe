#include "core/sandbox/TemplateList.h"

#include "core/sandbox/SandboxTemplates.h"

#include <algorithm>
#include <array>

namespace pixverse::sandbox {

namespace {

struct Category {
    const char* name;
    const char* nameRu;
};

constexpr std::array<Category, 5> kCategories{{{"Trending", "В тренде"},
                                               {"Funny", "Забавное"},
                                               {"Romance", "Романтика"},
                                               {"Fantasy", "Фэнтези"},
                                               {"Action", "Экшен"}}};

struct BaseTemplate {
    const char* name;
    const char* nameRu;
    const char* prompt;
    const char* promptRu;
    int category;
    int imageCount;
};

// The first five carry the traits of SandboxTemplates.h (in its order); "Storm" is in one name
// only. No prompt has the sandbox's moderation, failure or deletion word, since a client may send
// a display_prompt as the generation's prompt.
constexpr std::array<BaseTemplate, 36> kBase{{
    {"Audience Reaction Shot", "Реакция зрительного зала",
     "Generate a cinematic audience reaction shot.", "Кинематографичный кадр с реакцией зрителей.",
     0, 1},
    {"Golden Hour Glow", "Сияние золотого часа", "Bathes the scene in warm sunset light.",
     "Заливает сцену тёплым закатным светом.", 0, 1},
    {"Vintage Film", "Старая киноплёнка", "Turns the shot into grainy vintage film.",
     "Превращает кадр в зернистую старую киноплёнку.", 0, 1},
    {"Best Friends Hug", "Объятия друзей", "The two people in the pictures hug each other.",
     "Двое людей с фотографий обнимают друг друга.", 2, 2},
    {"Dancing Robots", "Танцующие роботы", "A troupe of shiny robots dances on a stage.",
     "Труппа блестящих роботов танцует на сцене.", 1, 0},
    {"Storm Chaser", "Охотник за бурей", "A car races toward a towering tornado.",
     "Машина мчится навстречу огромному смерчу.", 4, 1},
    {"Balloon Lift", "Воздушные шары", "Colourful balloons carry the subject into the sky.",
     "Разноцветные шары уносят героя в небо.", 1, 1},
    {"Dragon Rider", "Всадник на драконе", "The subject flies on the back of a dragon.",
     "Герой летит верхом на драконе.", 3, 1},
    {"Snow Globe", "Снежный шар", "The scene shrinks into a shaking snow globe.",
     "Сцена уменьшается и оказывается в снежном шаре.", 3, 1},
    {"Stolen Kiss", "Украденный поцелуй", "The two people lean in for a gentle kiss.",
     "Двое тянутся друг к другу для нежного поцелуя.", 2, 2},
    {"Muscle Up", "Накачанные мышцы", "The subject suddenly grows huge muscles.",
     "У героя вдруг вырастают огромные мышцы.", 1, 1},
    {"Superhero Landing", "Приземление супергероя",
     "The subject lands from the sky in a superhero pose.",
     "Герой приземляется с неба в позе супергероя.", 4, 1},
    {"Melting Clock", "Тающие часы", "Everything melts like a surreal painting.",
     "Всё тает, как на сюрреалистической картине.", 3, 1},
    {"Paper Plane", "Бумажный самолётик", "The picture folds into a paper plane and flies off.",
     "Картинка складывается в бумажный самолётик и улетает.", 1, 1},
    {"Rose Petals", "Лепестки роз", "Rose petals fall around the subject.",
     "Вокруг героя падают лепестки роз.", 2, 1},
    {"Zombie Walk", "Парад зомби", "The subject turns into a slow-walking zombie.",
     "Герой превращается в медленно бредущего зомби.", 1, 1},
    {"Fireworks Night", "Ночь фейерверков", "Fireworks burst in the night sky behind the subject.",
     "За спиной героя в ночном небе вспыхивают фейерверки.", 0, 1},
    {"Underwater Dream", "Подводный сон", "The scene sinks under water with drifting bubbles.",
     "Сцена уходит под воду, вокруг плывут пузырьки.", 3, 1},
    {"Car Chase", "Погоня", "A fast car chase through city streets.",
     "Стремительная погоня по улицам города.", 4, 1},
    {"Wedding Dance", "Свадебный танец", "Two people share a slow first dance.",
     "Двое танцуют медленный первый танец.", 2, 2},
    {"Pixel Art", "Пиксель-арт", "The picture becomes a retro pixel-art game.",
     "Картинка становится ретро-игрой в пиксельной графике.", 0, 1},
    {"Cat Ears", "Кошачьи ушки", "Fluffy cat ears grow on the subject's head.",
     "На голове героя вырастают пушистые кошачьи ушки.", 1, 1},
    {"Magic Portal", "Волшебный портал", "A glowing portal opens and pulls the subject in.",
     "Открывается светящийся портал и затягивает героя.", 3, 1},
    {"Walk Away Blast", "Уход от взрыва", "The subject walks on as a blast erupts behind.",
     "Герой идёт дальше, а позади гремит взрыв.", 4, 1},
    {"Heart Hands", "Сердце из ладоней", "The subject makes a heart with both hands.",
     "Герой складывает ладони сердечком.", 2, 1},
    {"City Time Lapse", "Город в таймлапсе", "Day turns to night over a busy city.",
     "Над оживлённым городом день сменяется ночью.", 0, 0},
    {"Giant Duel", "Поединок с великаном", "The subject faces a giant in an epic duel.",
     "Герой сходится с великаном в эпическом поединке.", 4, 1},
    {"Fairy Wings", "Крылья феи", "Sparkling fairy wings unfold on the subject's back.",
     "За спиной героя раскрываются сверкающие крылья феи.", 3, 1},
    {"Baby Face", "Детское лицо", "The subject turns into a baby version of themselves.",
     "Герой превращается в младенца.", 1, 1},
    {"Love Letter", "Любовное письмо", "A letter flies in and unfolds into hearts.",
     "Прилетает письмо и раскрывается сердечками.", 2, 1},
    {"Neon Glow", "Неоновое сияние", "Neon outlines light up around the subject.",
     "Вокруг героя загораются неоновые контуры.", 0, 1},
    {"Sword Fight", "Бой на мечах", "The subject fights a duel with swords.",
     "Герой сражается на мечах.", 4, 1},
    {"Crystal Cave", "Хрустальная пещера", "Crystals grow and glitter around the scene.",
     "Вокруг сцены растут и сверкают кристаллы.", 3, 1},
    {"Dance Party", "Танцевальная вечеринка", "Three friends dance under disco lights.",
     "Трое друзей танцуют под светом диско.", 1, 3},
    {"Slow Motion Jump", "Прыжок в замедлении", "A high jump frozen in slow motion.",
     "Высокий прыжок в замедленной съёмке.", 4, 1},
    {"Starry Night", "Звёздная ночь", "The sky swirls like a painted starry night.",
     "Небо закручивается, как на картине со звёздной ночью.", 3, 0},
}};

// Ids of the templates without a trait of their own: above the documented example's, apart from
// the named ones (which are in SandboxTemplates.h).
constexpr qint64 kFirstPlainId = 402331966000000LL;
constexpr std::array<qint64, 5> kNamedIds{templates::kAudienceReactionId,
                                          templates::kNotActivatedId, templates::kLowQualityOnlyId,
                                          templates::kTwoImageId, templates::kTextOnlyId};
constexpr std::array<const char*, 5> kModels{"v5", "v4.5", "v5.5", "v5.6", "v6"};

} // namespace

QList<SandboxTemplate> sandboxTemplates(int count) {
    const QStringList allQualities{QStringLiteral("360p"), QStringLiteral("540p"),
                                   QStringLiteral("720p"), QStringLiteral("1080p")};
    QList<SandboxTemplate> list;
    list.reserve(std::max(count, 0));
    for (int i = 0; i < count; ++i) {
        const BaseTemplate& base = kBase[static_cast<size_t>(i) % kBase.size()];
        const int round = i / static_cast<int>(kBase.size()); // 0 for the first 36
        const Category& category = kCategories[static_cast<size_t>(base.category)];
        const bool named = i < static_cast<int>(kNamedIds.size());
        SandboxTemplate t;
        t.id = named ? kNamedIds[static_cast<size_t>(i)] : kFirstPlainId + i;
        const QString suffix = round == 0 ? QString() : QStringLiteral(" %1").arg(round + 1);
        t.name = QString::fromUtf8(base.name) + suffix;
        t.nameRu = QString::fromUtf8(base.nameRu) + suffix;
        t.prompt = QString::fromUtf8(base.prompt);
        t.promptRu = QString::fromUtf8(base.promptRu);
        t.category = QString::fromUtf8(category.name);
        t.categoryRu = QString::fromUtf8(category.nameRu);
        t.imageCount = base.imageCount;
        t.model = QString::fromLatin1(kModels[static_cast<size_t>(i) % kModels.size()]);
        t.qualities = allQualities;
        // The activation and quality traits belong to the named ids only, not to "<name> 2".
        if (t.id == templates::kLowQualityOnlyId)
            t.qualities = allQualities.mid(0, 2);
        t.needsActivation = t.id == templates::kNotActivatedId;
        t.look = i % kTemplateLookCount + 1;
        list << t;
    }
    return list;
}

} // namespace pixverse::sandbox
