<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>PriceFormulas</name>
        <message>
            <location filename="../../core/generation/PriceFormulas.cpp" line="152" />
            <source>The price list could not be read.</source>
            <translation>Не удалось прочитать прейскурант.</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <location filename="../../app/gui/main.cpp" line="29" />
            <source>Make AI videos on PixVerse.</source>
            <translation>Создавайте ИИ-видео в PixVerse.</translation>
        </message>
        <message>
            <location filename="../../app/gui/main.cpp" line="34" />
            <source>Use the built-in offline sandbox.</source>
            <translation>Использовать встроенную офлайн-песочницу.</translation>
        </message>
        <message>
            <location filename="../../app/gui/main.cpp" line="38" />
            <source>Use the built-in offline sandbox, emptied first (it remembers its accounts and videos across runs).</source>
            <translation>Использовать встроенную офлайн-песочницу, предварительно очистив её (она помнит свои аккаунты и видео между запусками).</translation>
        </message>
        <message>
            <location filename="../../app/gui/main.cpp" line="51" />
            <location filename="../../app/gui/main.cpp" line="59" />
            <source>PixVerse Studio</source>
            <translation>PixVerse Studio</translation>
        </message>
        <message>
            <location filename="../../app/gui/main.cpp" line="52" />
            <location filename="../../app/gui/main.cpp" line="60" />
            <source>The offline sandbox could not start: %1</source>
            <translation>Не удалось запустить офлайн-песочницу: %1</translation>
        </message>
    </context>
    <context>
        <name>pixverse-studio-cli</name>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="68" />
            <source>Start the built-in offline sandbox and use it.</source>
            <translation>Запустить встроенную офлайн-песочницу и работать с ней.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="70" />
            <source>Use the offline sandbox, emptied first (it remembers its videos across runs).</source>
            <translation>Использовать офлайн-песочницу, предварительно очистив её (она помнит свои видео между запусками).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="74" />
            <source>Run the sandbox's clock this many times faster (demos, tests).</source>
            <translation>Ускорить часы песочницы во столько раз (для демонстраций и тестов).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="77" />
            <source>PixVerse server address (default %1).</source>
            <translation>Адрес сервера PixVerse (по умолчанию %1).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="80" />
            <source>Environment variable holding the platform API key (default PIXVERSE_API_KEY).</source>
            <translation>Переменная окружения с API-ключом платформы (по умолчанию PIXVERSE_API_KEY).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="85" />
            <source>Environment variable holding a PixVerse account's session token (web sign-in).</source>
            <translation>Переменная окружения с токеном сеанса учётной записи PixVerse (вход через сайт).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="90" />
            <source>Use the session the app remembered in the keychain for this e-mail.</source>
            <translation>Использовать сеанс, который приложение сохранило в связке ключей для этого адреса эл. почты.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="93" />
            <source>Use the API key the app remembered in the keychain.</source>
            <translation>Использовать API-ключ, который приложение сохранило в связке ключей.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="95" />
            <source>Object store for web uploads.</source>
            <translation>Хранилище объектов для загрузок через сайт.</translation>
        </message>
        <message>
            <source>batch: refuse to start when the batch would cost more than N credits.</source>
            <translation type="vanished">batch: не начинать, если пакет обойдётся дороже N кредитов.</translation>
        </message>
        <message>
            <source>batch: at most N videos generating at once (default 5).</source>
            <translation type="vanished">batch: не больше N видео в генерации одновременно (по умолчанию 5).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="111" />
            <source>Print machine-readable JSON.</source>
            <translation>Выводить машиночитаемый JSON.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="121" />
            <source>Log every request to stderr (never secrets).</source>
            <translation>Записывать каждый запрос в stderr (секреты — никогда).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="122" />
            <source>What the video shows.</source>
            <translation>Что показывает видео.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="124" />
            <source>What to avoid.</source>
            <translation>Чего избегать.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="127" />
            <source>Image to animate (image-to-video). With --template: one --image for each image the template takes, in order.</source>
            <translation>Изображение для оживления (изображение в видео). С --template: по одному --image на каждое изображение шаблона, по порядку.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="132" />
            <source>generate: use the effect template ID (the command templates lists them).</source>
            <translation>generate: применить шаблон эффекта ID (их перечисляет команда templates).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="136" />
            <source>generate: a reference image, subject:NAME=FILE or background:NAME=FILE; the prompt names it as @NAME. Repeat it for each reference.</source>
            <translation>generate: референсное изображение, subject:NAME=FILE или background:NAME=FILE; промпт называет его @NAME. Повторите для каждого референса.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="141" />
            <source>templates: only those whose name, description or category has every word of TEXT.</source>
            <translation>templates: только шаблоны, в названии, описании или категории которых есть каждое слово TEXT.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="146" />
            <source>templates: fetch the list now (else at most once a day).</source>
            <translation>templates: загрузить список сейчас (иначе не чаще раза в день).</translation>
        </message>
        <message>
            <source>Make PixVerse videos from the command line.

Commands:
  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR (with
                                               --image FILE: from an image; with --first-frame
                                               FILE --last-frame FILE: from one to the other)
  generate --template ID [--image FILE …] --out DIR
                                               apply an effect template to its images
  generate --reference subject:NAME=FILE [--reference background:NAME=FILE …]
           --prompt "… @NAME …" --out DIR     a video of the named references
  extend (VIDEO_ID | FILE) [--prompt TEXT] [--duration S] [--quality Q] [--audio] --out DIR
                                               continue a video
  upscale (VIDEO_ID | FILE) --out DIR          the same video, larger
  sound (VIDEO_ID | FILE) [--prompt TEXT] [--keep-sound] --out DIR
                                               add a generated sound effect
  lipsync (VIDEO_ID | FILE) (--audio-file FILE | --speaker ID --text TEXT) --out DIR
                                               make the person in the video speak
  last-frame VIDEO_FILE --out DIR              save a video's last frame as a PNG (local;
                                               the next generate --image or --first-frame)
  speakers                                     list the voices lipsync speaks with
  status VIDEO_ID                              show a video's status
  balance                                      show the account's credits
  models                                       list the models the account's family takes,
                                               with their settings and prices
  templates [--search TEXT] [--refresh]        list the effect templates: id, name, images,
                                               qualities (platform API key)
  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a line,
                                               or JSON Lines); re-running resumes, never duplicates

VIDEO_ID is a PixVerse video id (digits only); when DIR's job list holds the video, the new
one is recorded as made from it. Anything else is a local video file, checked before it is
uploaded. extend, upscale, sound, lipsync, speakers, templates, --template and --reference
need a platform API key.

Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with
--keychain, the key the app remembered; a PixVerse account's session token from --token-env VAR
or, with --account EMAIL, the token the app remembered. Never a password on the command line.
models, last-frame and --dry-run sign in to nothing and send nothing: the sign-in options
only say which family's models and request bodies to show.

Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,
5 network or server trouble.</source>
            <translation type="vanished">Создание видео PixVerse из командной строки.

Команды:
  generate --prompt ТЕКСТ --out ПАПКА [параметры]  создать видео и сохранить MP4 в ПАПКУ (с
                                                  --image ФАЙЛ — из изображения; с --first-frame
                                                  ФАЙЛ --last-frame ФАЙЛ — от одного к другому)
  generate --template ID [--image ФАЙЛ …] --out ПАПКА
                                                  применить шаблон эффекта к его изображениям
  generate --reference subject:ИМЯ=ФАЙЛ [--reference background:ИМЯ=ФАЙЛ …]
           --prompt "… @ИМЯ …" --out ПАПКА        видео с названными референсами
  extend (ID_ВИДЕО | ФАЙЛ) [--prompt ТЕКСТ] [--duration С] [--quality К] [--audio] --out ПАПКА
                                                  продолжить видео
  upscale (ID_ВИДЕО | ФАЙЛ) --out ПАПКА           то же видео, но крупнее
  sound (ID_ВИДЕО | ФАЙЛ) [--prompt ТЕКСТ] [--keep-sound] --out ПАПКА
                                                  добавить сгенерированный звуковой эффект
  lipsync (ID_ВИДЕО | ФАЙЛ) (--audio-file ФАЙЛ | --speaker ID --text ТЕКСТ) --out ПАПКА
                                                  заставить человека в видео говорить
  last-frame ФАЙЛ_ВИДЕО --out ПАПКА               сохранить последний кадр видео в PNG (локально;
                                                  для следующего generate --image или --first-frame)
  speakers                                        перечислить голоса для lipsync
  status ID_ВИДЕО                                 показать состояние видео
  balance                                         показать кредиты учётной записи
  models                                          перечислить модели, которые принимает семейство
                                                  учётной записи, с их настройками и ценами
  templates [--search ТЕКСТ] [--refresh]          перечислить шаблоны эффектов: id, название,
                                                  изображения, качество (API-ключ платформы)
  batch ФАЙЛ --out ПАПКА [--max-credits N]        выполнить все генерации из ФАЙЛА (по промпту
                                                  в строке или JSON Lines); повторный запуск
                                                  продолжает работу и ничего не дублирует

ID_ВИДЕО — идентификатор видео PixVerse (только цифры); если список заданий ПАПКИ содержит это
видео, новое записывается как сделанное из него. Всё остальное — локальный видеофайл, который
проверяется перед загрузкой. Для extend, upscale, sound, lipsync, speakers, templates,
--template и --reference нужен API-ключ платформы.

Вход: API-ключ платформы из --api-key-env ПЕРЕМЕННАЯ (по умолчанию PIXVERSE_API_KEY) или,
с --keychain, ключ, запомненный приложением; токен сеанса учётной записи PixVerse из
--token-env ПЕРЕМЕННАЯ или, с --account EMAIL, токен, запомненный приложением. Пароль в
командной строке не принимается никогда.
models, last-frame и --dry-run никуда не входят и ничего не отправляют: параметры входа
лишь указывают, чьи модели и тела запросов показать.

Коды выхода: 0 — успех, 2 — ошибка вызова или входных данных, 3 — ошибка входа,
4 — отказ PixVerse, 5 — проблемы с сетью или сервером.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="150" />
            <source>generate: the first frame of a transition (with --last-frame).</source>
            <translation>generate: первый кадр перехода (вместе с --last-frame).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="154" />
            <source>generate: the last frame of a transition (with --first-frame).</source>
            <translation>generate: последний кадр перехода (вместе с --first-frame).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="158" />
            <source>sound: keep the video's own sound under the new.</source>
            <translation>sound: оставить собственный звук видео под новым.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="161" />
            <source>lipsync: the speech to lip-sync (mp3, wav, m4a or aac; at most 30 s).</source>
            <translation>lipsync: речь, под которую синхронизировать губы (mp3, wav, m4a или aac; не длиннее 30 с).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="165" />
            <source>lipsync: the voice that speaks --text (the command speakers lists them).</source>
            <translation>lipsync: голос, который произносит --text (их перечисляет команда speakers).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="168" />
            <source>lipsync: what the voice says.</source>
            <translation>lipsync: что говорит голос.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="171" />
            <source>Model: v6, c1, v5.6, … (default: the newest the account's family takes; the command models lists them).</source>
            <translation>Модель: v6, c1, v5.6, … (по умолчанию — самая новая из тех, что принимает семейство учётной записи; их перечисляет команда models).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="176" />
            <source>Seconds: 1–15 on V6 and C1, 5 or 8 on v3.5–v5 (default 5).</source>
            <translation>Секунды: 1–15 на V6 и C1, 5 или 8 на v3.5–v5 (по умолчанию 5).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="185" />
            <source>normal or fast (v3.5–v4.5; default normal).</source>
            <translation>normal или fast (v3.5–v4.5; по умолчанию normal).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="190" />
            <source>Style: anime, 3d_animation, clay, comic, cyberpunk; realistic on V6 (the command models lists each model's).</source>
            <translation>Стиль: anime, 3d_animation, clay, comic, cyberpunk; realistic на V6 (стили каждой модели перечисляет команда models).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="205" />
            <source>generate, extend, upscale, sound, lipsync: check everything, print the cost and the exact request bodies, and send nothing. It does not sign in either: the sign-in options only choose the family.</source>
            <translation>generate, extend, upscale, sound, lipsync: всё проверить, вывести стоимость и точные тела запросов и ничего не отправлять. Вход тоже не выполняется: параметры входа лишь выбирают семейство.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="211" />
            <source>Folder to save the MP4 into (last-frame: the PNG).</source>
            <translation>Папка, в которую сохранить MP4 (для last-frame — PNG).</translation>
        </message>
        <message>
            <source>Make PixVerse videos from the command line.

Commands:
  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR
  status VIDEO_ID                              show a video's status
  balance                                      show the account's credits
  models                                       list the models the account's family takes,
                                               with their settings and prices
  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a line,
                                               or JSON Lines); re-running resumes, never duplicates

Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with
--keychain, the key the app remembered; a PixVerse account's session token from --token-env VAR
or, with --account EMAIL, the token the app remembered. Never a password on the command line.
models and generate --dry-run sign in to nothing and send nothing: the sign-in options only
say which family's models and request bodies to show.

Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,
5 network or server trouble.</source>
            <translation type="vanished">Создание видео PixVerse из командной строки.

Команды:
  generate --prompt ТЕКСТ --out ПАПКА [параметры]  создать видео и сохранить MP4 в ПАПКУ
  status ID_ВИДЕО                                 показать состояние видео
  balance                                         показать кредиты учётной записи
  models                                          перечислить модели, которые принимает семейство
                                                  учётной записи, с их настройками и ценами
  batch ФАЙЛ --out ПАПКА [--max-credits N]        выполнить все генерации из ФАЙЛА (по промпту
                                                  в строке или JSON Lines); повторный запуск
                                                  продолжает работу и ничего не дублирует

Вход: API-ключ платформы из --api-key-env ПЕРЕМЕННАЯ (по умолчанию PIXVERSE_API_KEY) или,
с --keychain, ключ, запомненный приложением; токен сеанса учётной записи PixVerse из
--token-env ПЕРЕМЕННАЯ или, с --account EMAIL, токен, запомненный приложением. Пароль в
командной строке не принимается никогда.
models и generate --dry-run никуда не входят и ничего не отправляют: параметры входа
лишь указывают, чьи модели и тела запросов показать.

Коды выхода: 0 — успех, 2 — ошибка вызова или входных данных, 3 — ошибка входа,
4 — отказ PixVerse, 5 — проблемы с сетью или сервером.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="180" />
            <source>360p, 540p, 720p or 1080p (default 540p).</source>
            <translation>360p, 540p, 720p или 1080p (по умолчанию 540p).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="182" />
            <source>Aspect ratio, e.g. 16:9 (default).</source>
            <translation>Соотношение сторон, например 16:9 (по умолчанию).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="187" />
            <source>Seed 0–2147483647 (default: random).</source>
            <translation>Сид 0–2147483647 (по умолчанию — случайный).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="194" />
            <source>Camera movement (v4, v4.5).</source>
            <translation>Движение камеры (v4, v4.5).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="197" />
            <source>Generate a sound track too (V6, C1, v5.6; costs more).</source>
            <translation>Создать и звуковую дорожку (V6, C1, v5.6; стоит дороже).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="201" />
            <source>Let the model cut the clip into several shots (V6).</source>
            <translation>Разрешить модели разбить ролик на несколько планов (V6).</translation>
        </message>
        <message>
            <source>generate: check everything, print the cost and the exact request bodies, and send nothing. It does not sign in either: the sign-in options only choose the family.</source>
            <translation type="vanished">generate: всё проверить, вывести стоимость и точные тела запросов и ничего не отправлять. Вход тоже не выполняется: параметры входа лишь выбирают семейство.</translation>
        </message>
        <message>
            <source>Folder to save the MP4 into.</source>
            <translation type="vanished">Папка, в которую сохранить MP4.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="214" />
            <source>Give up waiting for the video after this many seconds (default 900).</source>
            <translation>Перестать ждать видео через столько секунд (по умолчанию 900).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="217" />
            <source>Fixed polling interval.</source>
            <translation>Фиксированный интервал опроса.</translation>
        </message>
        <message>
            <source>Cost: %1 credits</source>
            <translation type="vanished">Стоимость в кредитах: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/OfflineCommands.cpp" line="125" />
            <source>Cost: no published price</source>
            <translation>Стоимость: цена не опубликована</translation>
        </message>
        <message>
            <location filename="../../app/cli/OfflineCommands.cpp" line="142" />
            <source>Dry run: the settings pass every check; nothing was sent.</source>
            <translation>Пробный запуск: настройки прошли все проверки; ничего не отправлено.</translation>
        </message>
        <message>
            <location filename="../../app/cli/OfflineCommands.cpp" line="153" />
            <source>Cannot write into the folder “%1”.</source>
            <translation>Не удаётся записать в папку «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/OfflineCommands.cpp" line="173" />
            <source>Saved the last frame (%1×%2).</source>
            <translation>Последний кадр сохранён (%1×%2).</translation>
        </message>
        <message>
            <source>Make PixVerse videos from the command line.

Commands:
  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR
  status VIDEO_ID                              show a video's status
  balance                                      show the account's credits
  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a line,
                                               or JSON Lines); re-running resumes, never duplicates

Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with
--keychain, the key the app remembered; a PixVerse account's session token from --token-env VAR
or, with --account EMAIL, the token the app remembered. Never a password on the command line.

Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,
5 network or server trouble.</source>
            <translation type="vanished">Создание видео PixVerse из командной строки.

Команды:
  generate --prompt ТЕКСТ --out ПАПКА [параметры]  создать видео и сохранить MP4 в ПАПКУ
  status ID_ВИДЕО                                 показать состояние видео
  balance                                         показать кредиты учётной записи
  batch ФАЙЛ --out ПАПКА [--max-credits N]        выполнить все генерации из ФАЙЛА (по промпту
                                                  в строке или JSON Lines); повторный запуск
                                                  продолжает работу и ничего не дублирует

Вход: API-ключ платформы из --api-key-env ПЕРЕМЕННАЯ (по умолчанию PIXVERSE_API_KEY) или,
с --keychain, ключ, запомненный приложением; токен сеанса учётной записи PixVerse из
--token-env ПЕРЕМЕННАЯ или, с --account EMAIL, токен, запомненный приложением. Пароль в
командной строке не принимается никогда.

Коды выхода: 0 — успех, 2 — ошибка вызова или входных данных, 3 — ошибка входа,
4 — отказ PixVerse, 5 — проблемы с сетью или сервером.</translation>
        </message>
        <message>
            <source>Model (default v4.5).</source>
            <translation type="vanished">Модель (по умолчанию v4.5).</translation>
        </message>
        <message>
            <source>Seconds (default 5).</source>
            <translation type="vanished">Секунды (по умолчанию 5).</translation>
        </message>
        <message>
            <source>normal or fast (default normal).</source>
            <translation type="vanished">normal или fast (по умолчанию normal).</translation>
        </message>
        <message>
            <source>Style (v3.5): anime, 3d_animation, day, cyberpunk, comic.</source>
            <translation type="vanished">Стиль (v3.5): anime, 3d_animation, day, cyberpunk, comic.</translation>
        </message>
        <message>
            <source>generate, status, balance or batch</source>
            <translation type="vanished">generate, status, balance или batch</translation>
        </message>
        <message>
            <source>Say what to do: generate, status, balance or batch (see --help).</source>
            <translation type="vanished">Укажите, что сделать: generate, status, balance или batch (см. --help).</translation>
        </message>
        <message>
            <source>Unknown command “%1”: use generate, status, balance or batch.</source>
            <translation type="vanished">Неизвестная команда «%1»: используйте generate, status, balance или batch.</translation>
        </message>
        <message>
            <source>%1: “duration” must be a whole number of seconds.</source>
            <translation type="vanished">%1: «duration» должно быть целым числом секунд.</translation>
        </message>
        <message>
            <source>%1: “seed” must be a whole number.</source>
            <translation type="vanished">%1: «seed» должно быть целым числом.</translation>
        </message>
        <message>
            <source>%1 is not offered with this sign-in; the command models lists the models you can use.</source>
            <translation type="vanished">%1 недоступна при этом способе входа; доступные модели перечисляет команда models.</translation>
        </message>
        <message>
            <source>generate, status, balance, batch or models</source>
            <translation type="vanished">generate, status, balance, batch или models</translation>
        </message>
        <message>
            <source>Say what to do: generate, status, balance, batch or models (see --help).</source>
            <translation type="vanished">Укажите, что сделать: generate, status, balance, batch или models (см. --help).</translation>
        </message>
        <message>
            <source>Unknown command “%1”: use generate, status, balance, batch or models.</source>
            <translation type="vanished">Неизвестная команда «%1»: используйте generate, status, balance, batch или models.</translation>
        </message>
        <message>
            <source>generate needs --out DIR, the folder to save the video into.</source>
            <translation type="vanished">Для generate нужен параметр --out ПАПКА — папка, куда сохранить видео.</translation>
        </message>
        <message>
            <source>--dry-run goes with generate.</source>
            <translation type="vanished">--dry-run используется только с generate.</translation>
        </message>
        <message>
            <location filename="../../app/cli/SourceFacts.cpp" line="39" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
            <location filename="../../app/cli/CliOptions.cpp" line="228" />
        </message>
        <message>
            <source>Image to animate (image-to-video).</source>
            <translation type="vanished">Изображение для анимации (видео из изображения).</translation>
        </message>
        <message>
            <source>Make PixVerse videos from the command line.

Commands:
  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR (with
                                               --image FILE: from an image; with --first-frame
                                               FILE --last-frame FILE: from one to the other)
  extend (VIDEO_ID | FILE) [--prompt TEXT] [--duration S] [--quality Q] [--audio] --out DIR
                                               continue a video
  upscale (VIDEO_ID | FILE) --out DIR          the same video, larger
  sound (VIDEO_ID | FILE) [--prompt TEXT] [--keep-sound] --out DIR
                                               add a generated sound effect
  lipsync (VIDEO_ID | FILE) (--audio-file FILE | --speaker ID --text TEXT) --out DIR
                                               make the person in the video speak
  last-frame VIDEO_FILE --out DIR              save a video's last frame as a PNG (local;
                                               the next generate --image or --first-frame)
  speakers                                     list the voices lipsync speaks with
  status VIDEO_ID                              show a video's status
  balance                                      show the account's credits
  models                                       list the models the account's family takes,
                                               with their settings and prices
  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a line,
                                               or JSON Lines); re-running resumes, never duplicates

VIDEO_ID is a PixVerse video id (digits only); when DIR's job list holds the video, the new
one is recorded as made from it. Anything else is a local video file, checked before it is
uploaded. extend, upscale, sound, lipsync and speakers need a platform API key.

Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with
--keychain, the key the app remembered; a PixVerse account's session token from --token-env VAR
or, with --account EMAIL, the token the app remembered. Never a password on the command line.
models, last-frame and --dry-run sign in to nothing and send nothing: the sign-in options
only say which family's models and request bodies to show.

Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,
5 network or server trouble.</source>
            <translation type="vanished">Создание видео PixVerse из командной строки.

Команды:
  generate --prompt ТЕКСТ --out ПАПКА [параметры]  создать видео и сохранить MP4 в ПАПКУ (с
                                                  --image ФАЙЛ — из изображения; с --first-frame
                                                  ФАЙЛ --last-frame ФАЙЛ — от одного к другому)
  extend (ID_ВИДЕО | ФАЙЛ) [--prompt ТЕКСТ] [--duration С] [--quality К] [--audio] --out ПАПКА
                                                  продолжить видео
  upscale (ID_ВИДЕО | ФАЙЛ) --out ПАПКА           то же видео, но крупнее
  sound (ID_ВИДЕО | ФАЙЛ) [--prompt ТЕКСТ] [--keep-sound] --out ПАПКА
                                                  добавить сгенерированный звуковой эффект
  lipsync (ID_ВИДЕО | ФАЙЛ) (--audio-file ФАЙЛ | --speaker ID --text ТЕКСТ) --out ПАПКА
                                                  заставить человека в видео говорить
  last-frame ФАЙЛ_ВИДЕО --out ПАПКА               сохранить последний кадр видео в PNG (локально;
                                                  для следующего generate --image или --first-frame)
  speakers                                        перечислить голоса для lipsync
  status ID_ВИДЕО                                 показать состояние видео
  balance                                         показать кредиты учётной записи
  models                                          перечислить модели, которые принимает семейство
                                                  учётной записи, с их настройками и ценами
  batch ФАЙЛ --out ПАПКА [--max-credits N]        выполнить все генерации из ФАЙЛА (по промпту
                                                  в строке или JSON Lines); повторный запуск
                                                  продолжает работу и ничего не дублирует

ID_ВИДЕО — идентификатор видео PixVerse (только цифры); если список заданий ПАПКИ содержит это
видео, новое записывается как сделанное из него. Всё остальное — локальный видеофайл, который
проверяется перед загрузкой. Для extend, upscale, sound, lipsync и speakers нужен API-ключ
платформы.

Вход: API-ключ платформы из --api-key-env ПЕРЕМЕННАЯ (по умолчанию PIXVERSE_API_KEY) или,
с --keychain, ключ, запомненный приложением; токен сеанса учётной записи PixVerse из
--token-env ПЕРЕМЕННАЯ или, с --account EMAIL, токен, запомненный приложением. Пароль в
командной строке не принимается никогда.
models, last-frame и --dry-run никуда не входят и ничего не отправляют: параметры входа
лишь указывают, чьи модели и тела запросов показать.

Коды выхода: 0 — успех, 2 — ошибка вызова или входных данных, 3 — ошибка входа,
4 — отказ PixVerse, 5 — проблемы с сетью или сервером.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="103" />
            <source>generate, batch: make N takes of each generation (1–8, default 1), grouped in the job list; with --seed, the takes use seed, seed+1, …</source>
            <translation>generate, batch: сделать N дублей каждой генерации (1–8, по умолчанию 1), одной группой в списке заданий; с --seed дубли берут сид, сид+1, …</translation>
        </message>
        <message>
            <source>Cost: %1 takes × %2 credits = %3 credits</source>
            <translation type="vanished">Стоимость: дублей — %1 × %2 кред. = %3 кред.</translation>
        </message>
        <message>
            <location filename="../../app/cli/OfflineCommands.cpp" line="135" />
            <source>Take %1/%2:</source>
            <translation>Дубль %1/%2:</translation>
        </message>
        <message>
            <source>Cannot read the batch file “%1”: %2.</source>
            <translation type="vanished">Не удаётся прочитать файл пакета «%1»: %2.</translation>
        </message>
        <message>
            <source>The batch file “%1” is larger than 16 MB.</source>
            <translation type="vanished">Файл пакета «%1» больше 16 МБ.</translation>
        </message>
        <message>
            <source>%1, line %2</source>
            <translation type="vanished">%1, строка %2</translation>
        </message>
        <message>
            <source>%1 is not a JSON object: %2.</source>
            <translation type="vanished">%1 — не объект JSON: %2.</translation>
        </message>
        <message>
            <source>“first_frame” and “last_frame” must both be the paths of image files.</source>
            <translation type="vanished">«first_frame» и «last_frame» должны оба быть путями к файлам изображений.</translation>
        </message>
        <message>
            <source>“image” and “first_frame” do not go together: a transition has two frames.</source>
            <translation type="vanished">«image» и «first_frame» несовместимы: у перехода два кадра.</translation>
        </message>
        <message>
            <source>“%1” must be text.</source>
            <translation type="vanished">«%1» должно быть текстом.</translation>
        </message>
        <message>
            <source>“duration” must be a whole number of seconds.</source>
            <translation type="vanished">«duration» должно быть целым числом секунд.</translation>
        </message>
        <message>
            <source>“seed” must be a whole number.</source>
            <translation type="vanished">«seed» должно быть целым числом.</translation>
        </message>
        <message>
            <source>“%1” must be true or false.</source>
            <translation type="vanished">«%1» должно быть true или false.</translation>
        </message>
        <message>
            <source>“image” must be the path of an image file.</source>
            <translation type="vanished">«image» должно быть путём к файлу изображения.</translation>
        </message>
        <message>
            <source>“model” must be text.</source>
            <translation type="vanished">«model» должно быть текстом.</translation>
        </message>
        <message>
            <source>%1 credits</source>
            <translation type="vanished">кредитов: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/OfflineCommands.cpp" line="127" />
            <source>Cost: %1 takes × %2 = %3</source>
            <translation>Стоимость: дублей — %1 × %2 = %3</translation>
        </message>
        <message>
            <location filename="../../app/cli/OfflineCommands.cpp" line="131" />
            <source>Cost: %1</source>
            <translation>Стоимость: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="113" />
            <source>spend: count from this local day (default: 29 days before --until).</source>
            <translation>spend: считать с этого дня по местному времени (по умолчанию — за 29 дней до --until).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="117" />
            <source>spend: count up to this local day (default: today).</source>
            <translation>spend: считать по этот день по местному времени (по умолчанию — сегодня).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="98" />
            <source>batch: refuse to start when the batch would cost more than N credits; watch: queue at most N credits a day.</source>
            <translation>batch: не начинать, если пакет обойдётся дороже N кредитов; watch: ставить в очередь не больше чем на N кредитов в день.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="108" />
            <source>batch, watch: at most N videos generating at once (default 5).</source>
            <translation>batch, watch: не больше N видео в генерации одновременно (по умолчанию 5).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="221" />
            <source>Make PixVerse videos from the command line.

Commands:
  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR (with
                                               --image FILE: from an image; with --first-frame
                                               FILE --last-frame FILE: from one to the other)
  generate --template ID [--image FILE …] --out DIR
                                               apply an effect template to its images
  generate --reference subject:NAME=FILE [--reference background:NAME=FILE …]
           --prompt "… @NAME …" --out DIR     a video of the named references
  extend (VIDEO_ID | FILE) [--prompt TEXT] [--duration S] [--quality Q] [--audio] --out DIR
                                               continue a video
  upscale (VIDEO_ID | FILE) --out DIR          the same video, larger
  sound (VIDEO_ID | FILE) [--prompt TEXT] [--keep-sound] --out DIR
                                               add a generated sound effect
  lipsync (VIDEO_ID | FILE) (--audio-file FILE | --speaker ID --text TEXT) --out DIR
                                               make the person in the video speak
  last-frame VIDEO_FILE --out DIR              save a video's last frame as a PNG (local;
                                               the next generate --image or --first-frame)
  speakers                                     list the voices lipsync speaks with
  status VIDEO_ID                              show a video's status
  balance                                      show the account's credits
  models                                       list the models the account's family takes,
                                               with their settings and prices
  templates [--search TEXT] [--refresh]        list the effect templates: id, name, images,
                                               qualities (platform API key)
  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a line,
                                               or JSON Lines); re-running resumes, never duplicates
  watch DIR --out DIR [--max-credits N]        queue every image, .txt and .jsonl file put into
                                               DIR (then moved to DIR/done), until interrupted;
                                               a file is never sent twice, across runs too

VIDEO_ID is a PixVerse video id (digits only); when DIR's job list holds the video, the new
one is recorded as made from it. Anything else is a local video file, checked before it is
uploaded. extend, upscale, sound, lipsync, speakers, templates, --template and --reference
need a platform API key.

Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with
--keychain, the key the app remembered; a PixVerse account's session token from --token-env VAR
or, with --account EMAIL, the token the app remembered. Never a password on the command line.
models, last-frame and --dry-run sign in to nothing and send nothing: the sign-in options
only say which family's models and request bodies to show.

Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,
5 network or server trouble.</source>
            <translation>Создание видео PixVerse из командной строки.

Команды:
  generate --prompt ТЕКСТ --out ПАПКА [параметры]  создать видео и сохранить MP4 в ПАПКУ (с
                                                  --image ФАЙЛ — из изображения; с --first-frame
                                                  ФАЙЛ --last-frame ФАЙЛ — от одного к другому)
  generate --template ID [--image ФАЙЛ …] --out ПАПКА
                                                  применить шаблон эффекта к его изображениям
  generate --reference subject:ИМЯ=ФАЙЛ [--reference background:ИМЯ=ФАЙЛ …]
           --prompt "… @ИМЯ …" --out ПАПКА        видео с названными референсами
  extend (ID_ВИДЕО | ФАЙЛ) [--prompt ТЕКСТ] [--duration С] [--quality К] [--audio] --out ПАПКА
                                                  продолжить видео
  upscale (ID_ВИДЕО | ФАЙЛ) --out ПАПКА           то же видео, но крупнее
  sound (ID_ВИДЕО | ФАЙЛ) [--prompt ТЕКСТ] [--keep-sound] --out ПАПКА
                                                  добавить сгенерированный звуковой эффект
  lipsync (ID_ВИДЕО | ФАЙЛ) (--audio-file ФАЙЛ | --speaker ID --text ТЕКСТ) --out ПАПКА
                                                  заставить человека в видео говорить
  last-frame ФАЙЛ_ВИДЕО --out ПАПКА               сохранить последний кадр видео в PNG (локально;
                                                  для следующего generate --image или --first-frame)
  speakers                                        перечислить голоса для lipsync
  status ID_ВИДЕО                                 показать состояние видео
  balance                                         показать кредиты учётной записи
  models                                          перечислить модели, которые принимает семейство
                                                  учётной записи, с их настройками и ценами
  templates [--search ТЕКСТ] [--refresh]          перечислить шаблоны эффектов: id, название,
                                                  изображения, качество (API-ключ платформы)
  batch ФАЙЛ --out ПАПКА [--max-credits N]        выполнить все генерации из ФАЙЛА (по промпту
                                                  в строке или JSON Lines); повторный запуск
                                                  продолжает работу и ничего не дублирует
  watch ПАПКА --out ПАПКА [--max-credits N]       ставить в очередь каждое изображение, файл .txt
                                                  и .jsonl, положенный в ПАПКУ (затем он
                                                  переносится в ПАПКА/done), пока не прервут;
                                                  файл никогда не отправляется дважды,
                                                  в том числе между запусками

ID_ВИДЕО — идентификатор видео PixVerse (только цифры); если список заданий ПАПКИ содержит это
видео, новое записывается как сделанное из него. Всё остальное — локальный видеофайл, который
проверяется перед загрузкой. Для extend, upscale, sound, lipsync, speakers, templates,
--template и --reference нужен API-ключ платформы.

Вход: API-ключ платформы из --api-key-env ПЕРЕМЕННАЯ (по умолчанию PIXVERSE_API_KEY) или,
с --keychain, ключ, запомненный приложением; токен сеанса учётной записи PixVerse из
--token-env ПЕРЕМЕННАЯ или, с --account EMAIL, токен, запомненный приложением. Пароль в
командной строке не принимается никогда.
models, last-frame и --dry-run никуда не входят и ничего не отправляют: параметры входа
лишь указывают, чьи модели и тела запросов показать.

Коды выхода: 0 — успех, 2 — ошибка вызова или входных данных, 3 — ошибка входа,
4 — отказ PixVerse, 5 — проблемы с сетью или сервером.</translation>
        </message>
        <message>
            <location filename="../../app/cli/BatchPlan.cpp" line="48" />
            <source>“%1” already holds a larger batch; use another --out folder.</source>
            <translation>В «%1» уже есть пакет побольше; укажите другую папку --out.</translation>
        </message>
        <message>
            <location filename="../../app/cli/BatchPlan.cpp" line="55" />
            <source>Generation %1 of the batch differs from the one already started in “%2”; use another --out folder.</source>
            <translation>Генерация %1 пакета отличается от уже начатой в «%2»; укажите другую папку --out.</translation>
        </message>
        <message>
            <location filename="../../app/cli/BatchPlan.cpp" line="64" />
            <source>Generation %1 of the batch was started in “%2” with other settings (%3); give the same options to continue it, or use another --out folder.</source>
            <translation>Генерация %1 пакета была начата в «%2» с другими настройками (%3); чтобы продолжить, укажите те же параметры или выберите другую папку --out.</translation>
        </message>
        <message>
            <location filename="../../app/cli/BatchPlan.cpp" line="81" />
            <source>The batch would cost %1 credits, more than --max-credits %2; nothing was sent.</source>
            <translation>Пакет обойдётся в %1 кред., больше чем --max-credits %2; ничего не отправлено.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="329" />
            <source> or </source>
            <translation> или </translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="341" />
            <source>--%1 goes with %2.</source>
            <translation>--%1 используется только с %2.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptionTable.cpp" line="341" />
            <source> and </source>
            <translation> и </translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="33" />
            <source>Say what to do: %1 (see --help).</source>
            <translation>Укажите, что сделать: %1 (см. --help).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="36" />
            <source>Unknown command “%1”: use %2.</source>
            <translation>Неизвестная команда «%1»: используйте %2.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="45" />
            <source>Use either --sandbox or --base-url, not both.</source>
            <translation>Укажите либо --sandbox, либо --base-url, но не оба сразу.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="50" />
            <source>--sandbox-clock-speed needs a positive number.</source>
            <translation>Для --sandbox-clock-speed нужно положительное число.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="58" />
            <source>--api-key-env needs the name of an environment variable.</source>
            <translation>Для --api-key-env нужно имя переменной окружения.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="65" />
            <source>Choose one way to sign in: --sandbox, --token-env, --account or --keychain.</source>
            <translation>Выберите один способ входа: --sandbox, --token-env, --account или --keychain.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="81" />
            <source>status needs one video id, a positive whole number: status VIDEO_ID.</source>
            <translation>Для status нужен один ID видео — целое положительное число: status ID_ВИДЕО.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="84" />
            <source>batch needs one file: batch FILE --out DIR.</source>
            <translation>Для batch нужен один файл: batch ФАЙЛ --out ПАПКА.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="88" />
            <source>watch needs one folder: watch DIR --out DIR.</source>
            <translation>Команде watch нужна одна папка: watch ПАПКА --out ПАПКА.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="93" />
            <location filename="../../app/cli/ContinueOptions.cpp" line="86" />
            <source>Unexpected argument “%1”.</source>
            <translation>Лишний аргумент «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="108" />
            <source>--since needs a day written YYYY-MM-DD.</source>
            <translation>Для --since нужен день в формате YYYY-MM-DD.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="110" />
            <source>--until needs a day written YYYY-MM-DD.</source>
            <translation>Для --until нужен день в формате YYYY-MM-DD.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="116" />
            <source>--since must not be after --until.</source>
            <translation>--since не может быть позже --until.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="125" />
            <source>--concurrency needs a number from 1 to 20.</source>
            <translation>Для --concurrency нужно число от 1 до 20.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="130" />
            <source>--max-credits needs a whole number of credits.</source>
            <translation>Для --max-credits нужно целое число кредитов.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="135" />
            <source>--takes needs a number from 1 to %1, not “%2”.</source>
            <translation>Для --takes нужно число от 1 до %1, а не «%2».</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="158" />
            <location filename="../../app/cli/EffectOptions.cpp" line="90" />
            <source>--image needs the path of an image file.</source>
            <translation>Для --image нужен путь к файлу изображения.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="165" />
            <source>--duration needs a whole number of seconds, not “%1”.</source>
            <translation>Для --duration нужно целое число секунд, а не «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="169" />
            <source>--seed needs a whole number, not “%1”.</source>
            <translation>Для --seed нужно целое число, а не «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="182" />
            <source>batch needs --out DIR, the folder to save the videos into.</source>
            <translation>Для batch нужен параметр --out ПАПКА — папка, куда сохранять видео.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="184" />
            <source>watch needs --out DIR, the folder to save the videos into.</source>
            <translation>Команде watch нужен --out ПАПКА — папка, куда сохранять видео.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="186" />
            <source>last-frame needs --out DIR, the folder to save the PNG into.</source>
            <translation>Для last-frame нужен параметр --out ПАПКА — папка, куда сохранить PNG.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="187" />
            <source>%1 needs --out DIR, the folder to save the video into.</source>
            <translation>Для %1 нужен параметр --out ПАПКА — папка, куда сохранить видео.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="193" />
            <source>--wait needs a positive number of seconds.</source>
            <translation>Для --wait нужно положительное число секунд.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="222" />
            <source>The batch file “%1” holds no generation.</source>
            <translation>В файле пакета «%1» нет ни одной генерации.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliOptions.cpp" line="230" />
            <source>%1, generation %2: %3</source>
            <translation>%1, генерация %2: %3</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="28" />
            <source>--first-frame needs --last-frame FILE too: a transition goes from one image to the other.</source>
            <translation>К --first-frame нужен и --last-frame ФАЙЛ: переход идёт от одного изображения к другому.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="30" />
            <source>--last-frame needs --first-frame FILE too: a transition goes from one image to the other.</source>
            <translation>К --last-frame нужен и --first-frame ФАЙЛ: переход идёт от одного изображения к другому.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="33" />
            <source>Use either --image or --first-frame and --last-frame, not both.</source>
            <translation>Укажите либо --image, либо --first-frame и --last-frame, но не всё сразу.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="36" />
            <source>--%1 needs the path of an image file.</source>
            <translation>Для --%1 нужен путь к файлу изображения.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="47" />
            <source>Use either --audio-file or --speaker and --text, not both.</source>
            <translation>Укажите либо --audio-file, либо --speaker и --text, но не всё сразу.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="49" />
            <source>lipsync needs what to say: --audio-file FILE, or --speaker ID and --text TEXT.</source>
            <translation>Для lipsync нужно, что сказать: --audio-file ФАЙЛ или --speaker ID и --text ТЕКСТ.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="52" />
            <source>--audio-file needs the path of an audio file.</source>
            <translation>Для --audio-file нужен путь к аудиофайлу.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="57" />
            <source>--speaker needs --text TEXT, what the voice says.</source>
            <translation>К --speaker нужен --text ТЕКСТ — что говорит голос.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="59" />
            <source>--text needs --speaker ID, the voice that says it (the command speakers lists them).</source>
            <translation>К --text нужен --speaker ID — голос, который это говорит (их перечисляет команда speakers).</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="89" />
            <source>last-frame needs one video file: last-frame VIDEO_FILE --out DIR.</source>
            <translation>Для last-frame нужен один видеофайл: last-frame ФАЙЛ_ВИДЕО --out ПАПКА.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="94" />
            <source>%1 needs the video to start from: %1 VIDEO_ID or %1 FILE.</source>
            <translation>Для %1 нужно видео, с которого начать: %1 ID_ВИДЕО или %1 ФАЙЛ.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="101" />
            <source>“%1” is no PixVerse video id (a positive whole number); a local file named so is given as ./%1.</source>
            <translation>«%1» — не ID видео PixVerse (целое положительное число); локальный файл с таким именем указывается как ./%1.</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="107" />
            <source>No such video file “%1” (a PixVerse video id is digits only).</source>
            <translation>Нет такого видеофайла «%1» (ID видео PixVerse состоит только из цифр).</translation>
        </message>
        <message>
            <location filename="../../app/cli/ContinueOptions.cpp" line="124" />
            <source>%1 is available only with a platform API key: PixVerse documents no website request for it.</source>
            <translation>«%1» доступно только с API-ключом платформы: PixVerse не документирует для этого запрос сайта.</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="33" />
            <source>--reference needs TYPE:NAME=FILE, e.g. subject:hero=hero.png, not “%1”.</source>
            <translation>--reference ждёт TYPE:NAME=FILE, например subject:hero=hero.png, а не «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="38" />
            <source>Unknown reference type “%1” in “%2”: use subject or background.</source>
            <translation>Неизвестный тип референса «%1» в «%2»: укажите subject или background.</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="46" />
            <source>--reference “%1” needs the path of an image file after the name.</source>
            <translation>--reference «%1»: после имени нужен путь к файлу изображения.</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="67" />
            <source>Give one --image (several go with --template, for a template of several images).</source>
            <translation>Укажите один --image (несколько — только с --template, для шаблона из нескольких изображений).</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="73" />
            <source>Use either --template or --reference, not both.</source>
            <translation>Укажите либо --template, либо --reference, но не оба.</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="75" />
            <source>--%1 does not go with --first-frame and --last-frame.</source>
            <translation>--%1 не сочетается с --first-frame и --last-frame.</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="78" />
            <source>--reference does not go with --image: each image of a reference video is a --reference subject:NAME=FILE or background:NAME=FILE.</source>
            <translation>--reference не сочетается с --image: каждое изображение видео по референсам задаётся как --reference subject:NAME=FILE или background:NAME=FILE.</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="84" />
            <source>--template needs a template id, a positive whole number (the command templates lists them), not “%1”.</source>
            <translation>--template ждёт id шаблона, целое положительное число (их перечисляет команда templates), а не «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="186" />
            <source>The template list kept on this computer has no template %1; a dry run fetches nothing: run the command templates first (with the same sign-in options).</source>
            <translation>В списке шаблонов на этом компьютере нет шаблона %1, а пробный запуск ничего не загружает: сначала выполните команду templates (с теми же параметрами входа).</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="194" />
            <source>no image</source>
            <translation>без изображения</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="195" />
            <source>1 image</source>
            <translation>1 изображение</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="196" />
            <source>%1 images</source>
            <translation>изображений: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="198" />
            <source>any quality</source>
            <translation>любое качество</translation>
        </message>
        <message>
            <location filename="../../app/cli/EffectOptions.cpp" line="200" />
            <source>needs activation</source>
            <translation>нужна активация</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="150" />
            <source>per second, without / with sound: %1</source>
            <translation>за секунду, без звука / со звуком: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="154" />
            <source>no published price</source>
            <translation>цена не опубликована</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="157" />
            <location filename="../../app/cli/ModelTable.cpp" line="221" />
            <source>%1 s</source>
            <translation>%1 с</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="158" />
            <source>per clip, %1: %2</source>
            <translation>за ролик, %1: %2</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="162" />
            <source>; with sound: %1</source>
            <translation>; со звуком: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="208" />
            <source>“%1”</source>
            <translation>«%1»</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="216" />
            <source>from video %1</source>
            <translation>из видео %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="218" />
            <source>from %1</source>
            <translation>из %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="228" />
            <source>with sound</source>
            <translation>со звуком</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="230" />
            <source>several shots</source>
            <translation>несколько планов</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="232" />
            <source>voice %1</source>
            <translation>голос %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="268" />
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="268" />
            <source>LABEL</source>
            <translation>НАЗВАНИЕ</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="268" />
            <source>MODES</source>
            <translation>РЕЖИМЫ</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="268" />
            <source>DURATIONS</source>
            <translation>ДЛИТЕЛЬНОСТИ</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="268" />
            <source>QUALITIES</source>
            <translation>КАЧЕСТВО</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="269" />
            <source>ASPECT RATIOS</source>
            <translation>ПРОПОРЦИИ</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="269" />
            <source>SWITCHES</source>
            <translation>ПЕРЕКЛЮЧАТЕЛИ</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="269" />
            <source>PROMPT</source>
            <translation>ПРОМПТ</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="280" />
            <source>Prices in credits:</source>
            <translation>Цены в кредитах:</translation>
        </message>
        <message>
            <location filename="../../app/cli/ModelTable.cpp" line="282" />
            <source>(the platform's published rates: the website prices its own way, so take them as an estimate)</source>
            <translation>(опубликованные тарифы платформы: сайт считает цены по-своему, так что это лишь оценка)</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ApiClient</name>
        <message>
            <location filename="../../core/api/Download.cpp" line="83" />
            <source>Cannot write to “%1”: %2.</source>
            <translation>Не удаётся записать в «%1»: %2.</translation>
        </message>
        <message>
            <location filename="../../core/api/Download.cpp" line="135" />
            <source>Cannot save the video: %1.</source>
            <translation>Не удаётся сохранить видео: %1.</translation>
        </message>
        <message>
            <location filename="../../core/api/Download.cpp" line="164" />
            <source>the connection ended after %1 of %2 bytes</source>
            <translation>соединение оборвалось после %1 из %2 байт</translation>
        </message>
        <message>
            <location filename="../../core/api/Download.cpp" line="145" />
            <source>the downloaded file is not an MP4 video</source>
            <translation>скачанный файл — не видео MP4</translation>
        </message>
        <message>
            <location filename="../../core/api/Download.cpp" line="146" />
            <source>the downloaded video is incomplete</source>
            <translation>скачанное видео неполное</translation>
        </message>
        <message>
            <location filename="../../core/api/Download.cpp" line="150" />
            <source>Cannot move the video to “%1”.</source>
            <translation>Не удаётся переместить видео в «%1».</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiClient.cpp" line="186" />
            <source>Cannot read “%1”: %2.</source>
            <translation>Не удаётся прочитать «%1»: %2.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ApiError</name>
        <message>
            <location filename="../../core/api/ApiClient.cpp" line="330" />
            <source>“%1” is not a valid server address.</source>
            <translation>«%1» — недопустимый адрес сервера.</translation>
        </message>
        <message>
            <source>Could not reach PixVerse. Check the internet connection; the app will keep trying.</source>
            <translation type="vanished">Не удаётся связаться с PixVerse. Проверьте подключение к интернету; приложение продолжит попытки.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="293" />
            <source>Could not reach PixVerse. Check the internet connection and try again.</source>
            <translation>Не удалось связаться с PixVerse. Проверьте подключение к интернету и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="295" />
            <source>PixVerse did not answer in time. The app will try again.</source>
            <translation>PixVerse не ответил вовремя. Приложение попробует ещё раз.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="302" />
            <source>PixVerse refused the request (error %1).</source>
            <translation>PixVerse отклонил запрос (ошибка %1).</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="305" />
            <source>PixVerse sent an answer the app could not understand. Try again in a moment.</source>
            <translation>PixVerse прислал ответ, который приложение не смогло разобрать. Повторите попытку чуть позже.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="307" />
            <source>The address %1 is not secure: PixVerse must be reached over https://.</source>
            <translation>Адрес %1 небезопасен: к PixVerse нужно подключаться по https://.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="310" />
            <source>The secure connection to PixVerse could not be verified, so nothing was sent.</source>
            <translation>Не удалось проверить защищённое соединение с PixVerse, поэтому ничего не отправлено.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="312" />
            <source>Cancelled.</source>
            <translation>Отменено.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="20" />
            <source>A required setting is empty. Fill in every required field and try again.</source>
            <translation>Не заполнен обязательный параметр. Заполните все обязательные поля и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="22" />
            <source>PixVerse did not accept this API key. Check the key on the PixVerse platform and sign in again.</source>
            <translation>PixVerse не принял этот API-ключ. Проверьте ключ на платформе PixVerse и войдите снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="25" />
            <source>PixVerse could not read one of the settings (wrong type or value). Check the settings and try again.</source>
            <translation>PixVerse не смог прочитать один из параметров (неверный тип или значение). Проверьте параметры и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="28" />
            <source>PixVerse does not accept this combination of settings. Change the model, quality, duration or motion and try again.</source>
            <translation>PixVerse не принимает такое сочетание параметров. Измените модель, качество, длительность или движение и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="31" />
            <source>The prompt or negative prompt is longer than 2048 characters. Shorten it and try again.</source>
            <translation>Промпт или негативный промпт длиннее 2048 символов. Сократите его и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="34" />
            <source>PixVerse found the text too long (over 2048 characters). Shorten the prompt or negative prompt.</source>
            <translation>PixVerse счёл текст слишком длинным (больше 2048 символов). Сократите промпт или негативный промпт.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="37" />
            <source>PixVerse no longer knows the uploaded image. Add the image again.</source>
            <translation>PixVerse больше не знает загруженное изображение. Добавьте изображение снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="39" />
            <source>PixVerse has no record of this video. It may belong to another account or have been removed.</source>
            <translation>У PixVerse нет записи об этом видео. Возможно, оно принадлежит другой учётной записи или было удалено.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="42" />
            <source>This account is not allowed to do that on PixVerse.</source>
            <translation>Этой учётной записи PixVerse такое действие не разрешено.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="44" />
            <source>The image is too large: it must be under 20 MB and at most 4000 × 4000 pixels.</source>
            <translation>Изображение слишком большое: оно должно быть меньше 20 МБ и не больше 4000 × 4000 пикселей.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="46" />
            <source>PixVerse could not read the image. Try another file.</source>
            <translation>PixVerse не смог прочитать изображение. Попробуйте другой файл.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="48" />
            <source>The image format is not supported. Use a PNG, JPEG or WebP image.</source>
            <translation>Формат изображения не поддерживается. Используйте PNG, JPEG или WebP.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="50" />
            <source>The image width or height is not accepted. Resize the image and try again.</source>
            <translation>Ширина или высота изображения не подходят. Измените размер изображения и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="52" />
            <source>The image upload failed on PixVerse's side. Try again in a moment.</source>
            <translation>Загрузка изображения не удалась на стороне PixVerse. Повторите попытку чуть позже.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="54" />
            <source>PixVerse cannot find the uploaded image. Add the image again.</source>
            <translation>PixVerse не может найти загруженное изображение. Добавьте изображение снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="56" />
            <source>All credits of this account are used up. Buy credits or upgrade the plan on PixVerse.</source>
            <translation>Все кредиты этой учётной записи израсходованы. Купите кредиты или повысьте тариф в PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="59" />
            <source>The account is already generating as many videos as its plan allows. The video will start when one finishes.</source>
            <translation>Учётная запись уже генерирует столько видео, сколько позволяет тариф. Это видео начнётся, когда одно из них будет готово.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="62" />
            <source>PixVerse asks to try again later.</source>
            <translation>PixVerse просит повторить попытку позже.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="64" />
            <source>PixVerse's moderation refused the image. Choose another image.</source>
            <translation>Модерация PixVerse отклонила изображение. Выберите другое изображение.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="66" />
            <source>The monthly limit of effect activations is reached.</source>
            <translation>Достигнут месячный лимит активаций эффектов.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="68" />
            <source>PixVerse's moderation refused the prompt or the image. Change them and try again.</source>
            <translation>Модерация PixVerse отклонила промпт или изображение. Измените их и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="71" />
            <source>This content has been deleted on PixVerse.</source>
            <translation>Этот материал удалён в PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="73" />
            <source>PixVerse is under heavy load right now. The app will try again shortly.</source>
            <translation>PixVerse сейчас сильно загружен. Приложение вскоре попробует снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="75" />
            <source>This effect template is not activated for the account. Activate it on the PixVerse platform first.</source>
            <translation>Этот шаблон эффекта не активирован для учётной записи. Сначала активируйте его на платформе PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="78" />
            <source>This effect does not support 720p or 1080p. Choose a lower quality.</source>
            <translation>Этот эффект не поддерживает 720p и 1080p. Выберите качество пониже.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="80" />
            <source>The balance is too low for this video. Top up credits on the PixVerse platform.</source>
            <translation>На балансе недостаточно средств для этого видео. Пополните кредиты на платформе PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="83" />
            <source>PixVerse had an internal database error. Try again later.</source>
            <translation>Во внутренней базе данных PixVerse произошла ошибка. Повторите попытку позже.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="85" />
            <source>PixVerse reported an unknown error. Try again; if it keeps happening, contact PixVerse support.</source>
            <translation>PixVerse сообщил о неизвестной ошибке. Повторите попытку; если ошибка повторяется, обратитесь в поддержку PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="89" />
            <source>The PixVerse session is no longer valid. Sign in again.</source>
            <translation>Сеанс PixVerse больше не действителен. Войдите снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="91" />
            <source>You are not signed in to PixVerse. Sign in again.</source>
            <translation>Вы не вошли в PixVerse. Войдите снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="93" />
            <source>This PixVerse account signed in somewhere else, which ended this session. Sign in again.</source>
            <translation>В эту учётную запись PixVerse вошли в другом месте, и этот сеанс завершился. Войдите снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="96" />
            <source>The e-mail or password is wrong.</source>
            <translation>Неверный адрес эл. почты или пароль.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="98" />
            <source>PixVerse did not accept these sign-in details. Check the e-mail and password.</source>
            <translation>PixVerse не принял эти данные для входа. Проверьте адрес эл. почты и пароль.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="100" />
            <source>PixVerse did not accept the image's width or height. Resize the image and try again.</source>
            <translation>PixVerse не принял ширину или высоту изображения. Измените размер изображения и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="103" />
            <source>PixVerse refused the request's trace id. This is a bug in the app; please report it.</source>
            <translation>PixVerse отклонил идентификатор трассировки запроса. Это ошибка в приложении — пожалуйста, сообщите о ней.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="106" />
            <source>PixVerse refused one of the settings as invalid. Check the settings and try again.</source>
            <translation>PixVerse отклонил один из параметров как недопустимый. Проверьте параметры и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="109" />
            <source>PixVerse has no record of this task.</source>
            <translation>У PixVerse нет записи об этой задаче.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="119" />
            <source>PixVerse refused the credentials (HTTP %1). Sign in again.</source>
            <translation>PixVerse отклонил учётные данные (HTTP %1). Войдите снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="121" />
            <source>The PixVerse address answered “not found” (HTTP 404). Check the server address.</source>
            <translation>Адрес PixVerse ответил «не найдено» (HTTP 404). Проверьте адрес сервера.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="124" />
            <source>PixVerse is limiting how fast requests may be sent (HTTP 429). The app will wait and try again.</source>
            <translation>PixVerse ограничивает частоту запросов (HTTP 429). Приложение подождёт и попробует снова.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="127" />
            <source>The PixVerse server had a problem (HTTP %1). Try again in a moment.</source>
            <translation>На сервере PixVerse возникла проблема (HTTP %1). Повторите попытку чуть позже.</translation>
        </message>
        <message>
            <location filename="../../core/api/ApiError.cpp" line="129" />
            <source>PixVerse refused the request (HTTP %1).</source>
            <translation>PixVerse отклонил запрос (HTTP %1).</translation>
        </message>
    </context>
    <context>
        <name>pixverse::Backend</name>
        <message>
            <location filename="../../core/backend/Backend.cpp" line="38" />
            <source>Video and audio files can be sent only with a platform API key sign-in.</source>
            <translation>Видео- и аудиофайлы можно отправлять, только если вход выполнен по API-ключу платформы.</translation>
        </message>
        <message>
            <location filename="../../core/backend/Backend.cpp" line="59" />
            <source>Effects and references can be used only with a platform API key sign-in.</source>
            <translation>Эффекты и референсы доступны только при входе по API-ключу платформы.</translation>
        </message>
        <message>
            <location filename="../../core/backend/Backend.cpp" line="66" />
            <source>A platform API key is charged by the published price table; only a website account has price formulas.</source>
            <translation>С API-ключа платформы списывают по опубликованной таблице цен; формулы цен есть только у аккаунта сайта.</translation>
        </message>
        <message>
            <location filename="../../core/backend/Backend.cpp" line="74" />
            <source>The spend ledger can be read only with a platform API key; a website account's spending comes from this app's own records.</source>
            <translation>Журнал расходов доступен только с API-ключом платформы; расходы аккаунта сайта берутся из записей этого приложения.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::BackendFactory</name>
        <message>
            <location filename="../../core/backend/BackendFactory.cpp" line="23" />
            <source>No API key or sign-in token was given.</source>
            <translation>Не указан ни API-ключ, ни токен входа.</translation>
        </message>
        <message>
            <location filename="../../core/backend/BackendFactory.cpp" line="32" />
            <source>The API key contains a space or a line break, so it cannot be right; copy it again from the PixVerse platform.</source>
            <translation>В API-ключе есть пробел или перевод строки, значит, он неверен; скопируйте его заново с платформы PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/backend/BackendFactory.cpp" line="36" />
            <source>The sign-in token contains a space or a line break, so it cannot be right; sign in again.</source>
            <translation>В токене входа есть пробел или перевод строки, значит, он неверен; войдите снова.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::BatchFile</name>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="92" />
            <source>This line is not a JSON object: %1.</source>
            <translation>Эта строка не является объектом JSON: %1.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="99" />
            <source>“%1” is not a batch field; the fields are %2.</source>
            <translation>«%1» — не поле пакета; поля: %2.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="188" />
            <source>“%1” is no frame of a pair: name a transition's frames x_start and x_end (or x-first and x-last, x_1 and x_2).</source>
            <translation>«%1» не входит в пару кадров: назовите кадры перехода x_start и x_end (или x-first и x-last, x_1 и x_2).</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="192" />
            <source>“%1” is a second image for the same frame as “%2”.</source>
            <translation>«%1» — второе изображение для того же кадра, что и «%2».</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="197" />
            <source>“%1” is a last frame without its first frame.</source>
            <translation>«%1» — последний кадр без первого.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="199" />
            <source>“%1” is a first frame without its last frame.</source>
            <translation>«%1» — первый кадр без последнего.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="202" />
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="244" />
            <source>Cannot read the batch file “%1”: it is a folder.</source>
            <translation>Не удаётся прочитать файл пакета «%1»: это папка.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="248" />
            <source>Cannot read the batch file “%1”: %2.</source>
            <translation>Не удаётся прочитать файл пакета «%1»: %2.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="252" />
            <source>The batch file “%1” is larger than 16 MB.</source>
            <translation>Файл пакета «%1» больше 16 МБ.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="265" />
            <source>%1, line %2</source>
            <translation>%1, строка %2</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="277" />
            <source>There is no folder “%1”.</source>
            <translation>Папки «%1» нет.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="282" />
            <source>The folder “%1” cannot be read.</source>
            <translation>Папку «%1» не удаётся прочитать.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchFile.cpp" line="287" />
            <source>The folder “%1” holds no %2 image.</source>
            <translation>В папке «%1» нет изображений %2.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="60" />
            <source>“first_frame” and “last_frame” must both be the paths of image files.</source>
            <translation>«first_frame» и «last_frame» должны оба быть путями к файлам изображений.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="62" />
            <source>“image” and “first_frame” do not go together: a transition has two frames.</source>
            <translation>«image» и «first_frame» несовместимы: у перехода два кадра.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="76" />
            <source>“%1” must be text.</source>
            <translation>«%1» должно быть текстом.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="82" />
            <source>“duration” must be a whole number of seconds.</source>
            <translation>«duration» должно быть целым числом секунд.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="88" />
            <source>“seed” must be a whole number.</source>
            <translation>«seed» должно быть целым числом.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="93" />
            <source>“%1” must be true or false.</source>
            <translation>«%1» должно быть true или false.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="96" />
            <source>“image” must be the path of an image file.</source>
            <translation>«image» должно быть путём к файлу изображения.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="129" />
            <source>“model” must be text.</source>
            <translation>«model» должно быть текстом.</translation>
        </message>
        <message>
            <location filename="../../core/queue/BatchKeys.cpp" line="172" />
            <source>“mode” must be one of t2v, i2v, transition, extend, effect, fusion, upscale, sound or lipsync.</source>
            <translation>«mode» должно быть одним из значений t2v, i2v, transition, extend, effect, fusion, upscale, sound или lipsync.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::BatchPreviewDialog</name>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="46" />
            <source>Batch: %1</source>
            <translation>Пакет: %1</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="47" />
            <source>Reading “%1”…</source>
            <translation>Чтение «%1»…</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="53" />
            <source>#</source>
            <translation>№</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="53" />
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="53" />
            <source>Prompt or image</source>
            <translation>Промпт или изображение</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="53" />
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="53" />
            <source>Price</source>
            <translation>Цена</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="53" />
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="62" />
            <source>Jobs of the batch</source>
            <translation>Задания пакета</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="77" />
            <source>Queue Jobs</source>
            <translation>Поставить в очередь</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/BatchPreviewDialog.cpp" line="102" />
            <source>“%1”: %n job(s) to queue.</source>
            <translation>
                <numerusform>«%1»: %n задание в очередь.</numerusform>
                <numerusform>«%1»: %n задания в очередь.</numerusform>
                <numerusform>«%1»: %n заданий в очередь.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/BatchPreviewDialog.cpp" line="104" />
            <source>%n refused (in red): not queued.</source>
            <translation>
                <numerusform>%n отклонено (красным): не ставится в очередь.</numerusform>
                <numerusform>%n отклонены (красным): не ставятся в очередь.</numerusform>
                <numerusform>%n отклонены (красным): не ставятся в очередь.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="147" />
            <source>with sound</source>
            <translation>со звуком</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="171" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="180" />
            <source>Will be queued</source>
            <translation>Будет в очереди</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="180" />
            <source>Not queued: over the balance</source>
            <translation>Не в очереди: сверх баланса</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="192" />
            <source>Queue 1 Job</source>
            <translation>Поставить 1 задание в очередь</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/BatchPreviewDialog.cpp" line="192" />
            <source>Queue %n Jobs</source>
            <translation>
                <numerusform>Поставить %n задание в очередь</numerusform>
                <numerusform>Поставить %n задания в очередь</numerusform>
                <numerusform>Поставить %n заданий в очередь</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="200" />
            <source>Total unknown: a job has no published price</source>
            <translation>Итог неизвестен: у одного из заданий нет опубликованной цены</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="202" />
            <source>Total %1</source>
            <translation>Итого %1</translation>
        </message>
        <message>
            <location filename="../../ui/BatchPreviewDialog.cpp" line="204" />
            <source>Total %1 · balance %2 → %3</source>
            <translation>Итого %1 · баланс %2 → %3</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/BatchPreviewDialog.cpp" line="212" />
            <source>The balance covers the first %n job(s) (%1 credits): only those are queued; the others are not.</source>
            <translation>
                <numerusform>Баланса хватает на первое %n задание (%1 кредитов): в очередь ставится только оно, остальные — нет.</numerusform>
                <numerusform>Баланса хватает на первые %n задания (%1 кредитов): в очередь ставятся только они, остальные — нет.</numerusform>
                <numerusform>Баланса хватает на первые %n заданий (%1 кредитов): в очередь ставятся только они, остальные — нет.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pixverse::BatchQueuer</name>
        <message>
            <location filename="../../app/gui/BatchQueuer.cpp" line="30" />
            <location filename="../../app/gui/BatchQueuer.cpp" line="79" />
            <source>Sign in to queue a batch.</source>
            <translation>Войдите, чтобы поставить пакет в очередь.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/BatchQueuer.cpp" line="98" />
            <source>%n job(s) from “%1” queued.</source>
            <translation>
                <numerusform>%n задание из «%1» поставлено в очередь.</numerusform>
                <numerusform>%n задания из «%1» поставлены в очередь.</numerusform>
                <numerusform>%n заданий из «%1» поставлены в очередь.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pixverse::BoardsPanel</name>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="90" />
            <source>Board name:</source>
            <translation>Название доски:</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="94" />
            <source>Folder for the Board's Videos</source>
            <translation>Папка для видео доски</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="100" />
            <source>Boards</source>
            <translation>Доски</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="101" />
            <source>Show or hide the boards</source>
            <translation>Показать или скрыть доски</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="119" />
            <source>Choose a board to see its jobs; drop jobs on a board to add them</source>
            <translation>Выберите доску, чтобы увидеть её задания; перетащите задания на доску, чтобы добавить их</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="128" />
            <location filename="../../ui/BoardsPanel.cpp" line="362" />
            <source>New board…</source>
            <translation>Новая доска…</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="131" />
            <source>Rename…</source>
            <translation>Переименовать…</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="134" />
            <source>Set folder…</source>
            <translation>Указать папку…</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="137" />
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="145" />
            <source>Board</source>
            <translation>Доска</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="146" />
            <source>Rename the board, give it a folder, or delete it</source>
            <translation>Переименовать доску, указать её папку или удалить её</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="213" />
            <source>All jobs (%1)</source>
            <translation>Все задания (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="218" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="223" />
            <source>%1
Videos are also saved in %2</source>
            <translation>%1
Видео также сохраняются в папке %2</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="268" />
            <source>New Board</source>
            <translation>Новая доска</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="292" />
            <source>Rename Board</source>
            <translation>Переименование доски</translation>
        </message>
        <message>
            <location filename="../../ui/BoardsPanel.cpp" line="323" />
            <source>Delete Board</source>
            <translation>Удаление доски</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/BoardsPanel.cpp" line="324" />
            <source>Delete the board “%1”? Its %n job(s) stay in the library.</source>
            <translation>
                <numerusform>Удалить доску «%1»? Её %n задание останется в библиотеке.</numerusform>
                <numerusform>Удалить доску «%1»? Её %n задания останутся в библиотеке.</numerusform>
                <numerusform>Удалить доску «%1»? Её %n заданий останутся в библиотеке.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pixverse::ChosenEffectBox</name>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="65" />
            <source>No effect chosen</source>
            <translation>Эффект не выбран</translation>
        </message>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="66" />
            <source>Choose one of the effects: it says what the video does.</source>
            <translation>Выберите один из эффектов: он задаёт, что происходит в видео.</translation>
        </message>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="67" />
            <source>&amp;Choose…</source>
            <translation>&amp;Выбрать…</translation>
        </message>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="68" />
            <source>Show the effects (Ctrl+3)</source>
            <translation>Показать эффекты (Ctrl+3)</translation>
        </message>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="71" />
            <source>Effect %1</source>
            <translation>Эффект %1</translation>
        </message>
        <message>
            <source>No image needed</source>
            <translation type="vanished">Изображение не нужно</translation>
        </message>
        <message numerus="yes">
            <source>Takes %n image(s)</source>
            <translation type="vanished">
                <numerusform>Нужно %n изображение</numerusform>
                <numerusform>Нужно %n изображения</numerusform>
                <numerusform>Нужно %n изображений</numerusform>
            </translation>
        </message>
        <message>
            <source>up to %1</source>
            <translation type="vanished">до %1</translation>
        </message>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="77" />
            <source>must be activated on the PixVerse platform first</source>
            <translation>сначала его нужно активировать на платформе PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="79" />
            <source>&amp;Change…</source>
            <translation>&amp;Сменить…</translation>
        </message>
        <message>
            <location filename="../../ui/ChosenEffectBox.cpp" line="80" />
            <source>Choose another effect (Ctrl+3)</source>
            <translation>Выбрать другой эффект (Ctrl+3)</translation>
        </message>
    </context>
    <context>
        <name>pixverse::CliRunner</name>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="315" />
            <source>PixVerse stopped accepting the credentials; sign in again, then re-run the same command to continue.</source>
            <translation>PixVerse перестал принимать учётные данные; войдите снова и запустите ту же команду ещё раз, чтобы продолжить.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="345" />
            <source>%1 Trying again shortly…</source>
            <translation>%1 Скоро будет новая попытка…</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="361" />
            <source>Image uploaded.</source>
            <translation>Изображение загружено.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerQueries.cpp" line="50" />
            <source>PixVerse does not list video %1 on this account (every page of its videos was read): check the id and the account it was made with.</source>
            <translation>PixVerse не показывает видео %1 в этой учётной записи (прочитаны все страницы её видео): проверьте ID и учётную запись, в которой оно сделано.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerQueries.cpp" line="77" />
            <source>Video %1: %2 (%3×%4)</source>
            <translation>Видео %1: %2 (%3×%4)</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerContinue.cpp" line="69" />
            <source>Submitting: %1</source>
            <translation>Отправка: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="502" />
            <location filename="../../app/cli/CliRunner.cpp" line="513" />
            <source> (PixVerse error %1)</source>
            <translation> (ошибка PixVerse %1)</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="508" />
            <source>The generation ended: %1.</source>
            <translation>Генерация завершилась: %1.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="470" />
            <source>The video was not started after %1 seconds (PixVerse had no free slot); it was cancelled. Try again later.</source>
            <translation>Видео не запустилось за %1 с (у PixVerse не было свободного места); оно отменено. Попробуйте позже.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="477" />
            <source>PixVerse did not confirm the video after %1 seconds; run the same command into the same folder later to pick it up.</source>
            <translation>PixVerse не подтвердил видео за %1 с; позже запустите ту же команду с той же папкой, чтобы забрать его.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="96" />
            <location filename="../../app/cli/CliRunner.cpp" line="101" />
            <source>The offline sandbox could not start: %1.</source>
            <translation>Не удалось запустить офлайн-песочницу: %1.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="106" />
            <source>Using the offline sandbox at %1</source>
            <translation>Используется офлайн-песочница по адресу %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="125" />
            <source>No session token: set the environment variable %1 to a PixVerse account's token.</source>
            <translation>Нет токена сеанса: задайте в переменной окружения %1 токен учётной записи PixVerse.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="155" />
            <source>the API key</source>
            <translation>API-ключа</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="157" />
            <source>The keychain holds no sign-in for %1: sign in with the app and tick “Remember me”.</source>
            <translation>В связке ключей нет данных входа для %1: войдите через приложение и отметьте «Запомнить меня».</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="160" />
            <source>The keychain could not be read: %1.</source>
            <translation>Не удалось прочитать связку ключей: %1.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="140" />
            <source>No API key: set the environment variable %1 to your PixVerse platform API key.</source>
            <translation>Нет API-ключа: задайте в переменной окружения %1 ваш API-ключ платформы PixVerse.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="234" />
            <source>Cannot write into the folder “%1”.</source>
            <translation>Не удаётся записать в папку «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="329" />
            <source>Uploading %1…</source>
            <translation>Загрузка %1…</translation>
        </message>
        <message>
            <source>Image uploaded (id %1, %2×%3).</source>
            <translation type="vanished">Изображение загружено (ID %1, %2×%3).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="331" />
            <source>Uploading… %1%</source>
            <translation>Загрузка… %1%</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="339" />
            <source>The account is generating as many videos as it may; waiting for a free slot…</source>
            <translation>Учётная запись уже генерирует максимум видео; ожидание свободного места…</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="361" />
            <source>Files uploaded.</source>
            <translation>Файлы загружены.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="363" />
            <source>Video %1 is generating…</source>
            <translation>Видео %1 генерируется…</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="462" />
            <source>Video %1 was not ready after %2 seconds; check it later with: status %1</source>
            <translation>Видео %1 не было готово через %2 с; проверьте его позже командой: status %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="370" />
            <source>Still generating (%1 s)…</source>
            <translation>Всё ещё генерируется (%1 с)…</translation>
        </message>
        <message>
            <source>PixVerse's moderation refused video %1; the credits were refunded. Change the prompt or image.</source>
            <translation type="vanished">Модерация PixVerse отклонила видео %1; кредиты возвращены. Измените промпт или изображение.</translation>
        </message>
        <message>
            <source>PixVerse could not generate video %1 (a failure on its side). Try again.</source>
            <translation type="vanished">PixVerse не смог сгенерировать видео %1 (сбой на его стороне). Повторите попытку.</translation>
        </message>
        <message>
            <source>Video %1 was removed on PixVerse before it could be saved.</source>
            <translation type="vanished">Видео %1 было удалено в PixVerse до того, как его удалось сохранить.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="381" />
            <source>Video %1 is ready (%2×%3); downloading…</source>
            <translation>Видео %1 готово (%2×%3); скачивание…</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="427" />
            <source>Saved.</source>
            <translation>Сохранено.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="387" />
            <source>Downloading… %1%</source>
            <translation>Скачивание… %1%</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="511" />
            <location filename="../../app/cli/CliRunnerQueries.cpp" line="84" />
            <source>Video %1: %2</source>
            <translation>Видео %1: %2</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerQueries.cpp" line="86" />
            <source>URL: %1</source>
            <translation>URL: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerQueries.cpp" line="103" />
            <source>Credits: %1 (monthly %2, package %3)</source>
            <translation>Кредиты: %1 (ежемесячные — %2, из пакета — %3)</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="242" />
            <source>Cannot open the batch's job list in “%1”: %2.</source>
            <translation>Не удаётся открыть список заданий пакета в «%1»: %2.</translation>
        </message>
        <message>
            <source>“%1” already holds a larger batch; use another --out folder.</source>
            <translation type="vanished">В «%1» уже есть пакет побольше; укажите другую папку --out.</translation>
        </message>
        <message>
            <source>Generation %1 of the batch differs from the one already started in “%2”; use another --out folder.</source>
            <translation type="vanished">Генерация %1 пакета отличается от уже начатой в «%2»; укажите другую папку --out.</translation>
        </message>
        <message>
            <source>The batch would cost %1 credits, more than --max-credits %2; nothing was sent.</source>
            <translation type="vanished">Пакет обойдётся в %1 кред., больше чем --max-credits %2; ничего не отправлено.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="41" />
            <source>Batch: %1 generations, %2 credits in all; %3 to send now for %4 credits; balance %5.</source>
            <translation>Пакет: генераций — %1, всего кредитов — %2; отправить сейчас — %3 на %4 кред.; баланс — %5.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="49" />
            <source>The balance (%1 credits) is too low for this batch (%2 credits); nothing was sent.</source>
            <translation>Баланса (%1 кред.) не хватает на этот пакет (%2 кред.); ничего не отправлено.</translation>
        </message>
        <message>
            <source>PixVerse stopped accepting the credentials; sign in again, then re-run the same batch to continue.</source>
            <translation type="vanished">PixVerse перестал принимать учётные данные; войдите снова и запустите тот же пакет ещё раз, чтобы продолжить.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="454" />
            <source>The batch was not finished after %1 seconds; re-run the same command to continue.</source>
            <translation>Пакет не завершился за %1 с; запустите ту же команду ещё раз, чтобы продолжить.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="239" />
            <source>Batch: %1 done, %2 failed, %3 in progress, %4 waiting</source>
            <translation>Пакет: готово — %1, с ошибкой — %2, в работе — %3, ожидают — %4</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="285" />
            <source>Generation %1 (“%2”): %3</source>
            <translation>Генерация %1 («%2»): %3</translation>
        </message>
        <message>
            <source>Submitting: %1, %2 s, %3%4%5</source>
            <translation type="vanished">Отправка: %1, %2 с, %3%4%5</translation>
        </message>
        <message>
            <source>, %1 credits</source>
            <translation type="vanished">, кредитов: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerTemplates.cpp" line="28" />
            <source>Fetching the template list…</source>
            <translation>Загрузка списка шаблонов…</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerTemplates.cpp" line="43" />
            <source>%1 The list kept from %2 follows.</source>
            <translation>%1 Ниже — список, сохранённый %2.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerTemplates.cpp" line="65" />
            <source>PixVerse lists no template for this account.</source>
            <translation>PixVerse не предлагает этой учётной записи ни одного шаблона.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerTemplates.cpp" line="66" />
            <source>No template matches “%1”.</source>
            <translation>Ни один шаблон не подходит под «%1».</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerTemplates.cpp" line="93" />
            <source>PixVerse lists no template %1 for this account (the command templates lists them).</source>
            <translation>PixVerse не предлагает этой учётной записи шаблон %1 (доступные перечисляет команда templates).</translation>
        </message>
        <message>
            <source>Submitting %1 takes: %2; %3 credits in all.</source>
            <translation type="vanished">Отправка дублей (%1): %2; всего кредитов — %3.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="351" />
            <source>%1: video %2 is generating…</source>
            <translation>%1: видео %2 генерируется…</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunner.cpp" line="417" />
            <source>%1 saved.</source>
            <translation>%1 сохранён.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="32" />
            <source>Batch: %1 generations × %2 takes, %3 credits in all; %4 takes to send now for %5 credits; balance %6.</source>
            <translation>Пакет: генераций — %1 × дублей — %2, всего кредитов — %3; отправить сейчас дублей — %4 на %5 кред.; баланс — %6.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="142" />
            <source>Take %1/%2</source>
            <translation>Дубль %1/%2</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="150" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="184" />
            <source>%1 of %2 takes saved.</source>
            <translation>Сохранено дублей: %1 из %2.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="211" />
            <source>The takes were not all started after %1 seconds (PixVerse had no free slot); the rest were cancelled.</source>
            <translation>Через %1 с запущены не все дубли (у PixVerse не было свободного места); остальные отменены.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="214" />
            <source>Not every take was ready after %1 seconds; check them later with the command status (videos %2).</source>
            <translation>Через %1 с готовы не все дубли; проверьте их позже командой status (видео %2).</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerBatch.cpp" line="278" />
            <source>Generation %1, take %2/%3 (“%4”): %5</source>
            <translation>Генерация %1, дубль %2/%3 («%4»): %5</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerContinue.cpp" line="63" />
            <source>Submitting %1 takes: %2; %3 in all.</source>
            <translation>Отправка дублей (%1): %2; всего — %3.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="96" />
            <source>This account keeps no ledger the CLI can read, and the app has no job list for it here; give --out DIR to count a batch folder's jobs.</source>
            <translation>У этой учётной записи нет журнала расходов, который может прочитать CLI, а у приложения здесь нет её списка заданий; укажите --out DIR, чтобы посчитать задания папки пакета.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="105" />
            <source>Cannot open the job list in “%1”: %2.</source>
            <translation>Не удаётся открыть список заданий в «%1»: %2.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="119" />
            <source>Spending from %1 to %2</source>
            <translation>Расходы с %1 по %2</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="122" />
            <source>Deductions: %1 credits</source>
            <translation>Списано кредитов: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="123" />
            <source>Refunds: %1 credits</source>
            <translation>Возвращено кредитов: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="124" />
            <source>Net: %1 credits</source>
            <translation>Итого кредитов: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="130" />
            <source>  %1: %2 deducted, %3 refunded, %4 net (%n video(s))</source>
            <translation>
                <numerusform>  %1: списано %2, возвращено %3, итого %4 (%n видео)</numerusform>
                <numerusform>  %1: списано %2, возвращено %3, итого %4 (%n видео)</numerusform>
                <numerusform>  %1: списано %2, возвращено %3, итого %4 (%n видео)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="138" />
            <source>Per day:</source>
            <translation>По дням:</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerSpend.cpp" line="139" />
            <source>Per model:</source>
            <translation>По моделям:</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="69" />
            <source>Watching “%1”; the videos go to “%2”. Stop with Ctrl+C.</source>
            <translation>Слежу за «%1»; видео сохраняются в «%2». Остановить — Ctrl+C.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="78" />
            <source>%1: %n job(s) queued.</source>
            <translation>
                <numerusform>%1: в очередь поставлено %n задание.</numerusform>
                <numerusform>%1: в очередь поставлено %n задания.</numerusform>
                <numerusform>%1: в очередь поставлено %n заданий.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="79" />
            <source>%1: %n job(s) queued for %2 credits.</source>
            <translation>
                <numerusform>%1: в очередь поставлено %n задание за %2 кредитов.</numerusform>
                <numerusform>%1: в очередь поставлено %n задания за %2 кредитов.</numerusform>
                <numerusform>%1: в очередь поставлено %n заданий за %2 кредитов.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="88" />
            <source>%1 refused: %2</source>
            <translation>%1 отклонён: %2</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="94" />
            <source>%1 was queued before; nothing was sent again.</source>
            <translation>%1 уже ставился в очередь; повторно ничего не отправлено.</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="101" />
            <source>%1, not queued: %2</source>
            <translation>%1, не поставлено в очередь: %2</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="107" />
            <source>Saved %1</source>
            <translation>Сохранено: %1</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="116" />
            <source>Generation “%1”: %2</source>
            <translation>Генерация «%1»: %2</translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="122" />
            <source>PixVerse stopped accepting the credentials; sign in again, then run the same command to go on.</source>
            <translation>PixVerse перестал принимать учётные данные; войдите снова и запустите ту же команду, чтобы продолжить.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="140" />
            <source>Stopped; %n job(s) on their way go on at the next run.</source>
            <translation>
                <numerusform>Остановлено; %n начатое задание продолжится при следующем запуске.</numerusform>
                <numerusform>Остановлено; %n начатых задания продолжатся при следующем запуске.</numerusform>
                <numerusform>Остановлено; %n начатых заданий продолжатся при следующем запуске.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/cli/CliRunnerWatch.cpp" line="142" />
            <source>Stopped.</source>
            <translation>Остановлено.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::CompareView</name>
        <message>
            <location filename="../../ui/CompareView.cpp" line="50" />
            <source>Compare Takes</source>
            <translation>Сравнение дублей</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="156" />
            <source>One frame back (←)</source>
            <translation>На кадр назад (←)</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="157" />
            <location filename="../../ui/CompareView.cpp" line="348" />
            <source>Play (Space)</source>
            <translation>Воспроизвести (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="159" />
            <source>One frame forward (→)</source>
            <translation>На кадр вперёд (→)</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="166" />
            <source>Position</source>
            <translation>Позиция</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="179" />
            <source>&amp;Loop</source>
            <translation>&amp;Повтор</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="184" />
            <source>&amp;Wipe</source>
            <translation>&amp;Шторка</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="186" />
            <source>One picture: the first take left of the line, the second right</source>
            <translation>Одна картинка: первый дубль слева от линии, второй справа</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="190" />
            <source>&amp;Reject the Others</source>
            <translation>&amp;Отклонить остальные</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="192" />
            <source>Reject every take but the picked one (Shift+X)</source>
            <translation>Отклонить все дубли, кроме выбранного (Shift+X)</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="195" />
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="234" />
            <source>Seed %1</source>
            <translation>Сид %1</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="234" />
            <source>Random seed</source>
            <translation>Случайный сид</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="235" />
            <source>Not rated</source>
            <translation>Без оценки</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="237" />
            <source>Picked</source>
            <translation>Выбран</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="239" />
            <source>Rejected</source>
            <translation>Отклонён</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="244" />
            <source>Picked (%1)</source>
            <translation>Выбран (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="244" />
            <source>Pick (%1)</source>
            <translation>Выбрать (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/CompareView.cpp" line="348" />
            <source>Pause (Space)</source>
            <translation>Пауза (Space)</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ComposerInputs</name>
        <message>
            <location filename="../../ui/ComposerInputs.cpp" line="58" />
            <source>First frame</source>
            <translation>Первый кадр</translation>
        </message>
        <message>
            <location filename="../../ui/ComposerInputs.cpp" line="59" />
            <source>The video starts from this image: drop it here, paste it with Ctrl+V, or</source>
            <translation>С этого изображения начнётся видео: перетащите его сюда, вставьте через Ctrl+V или нажмите</translation>
        </message>
        <message>
            <location filename="../../ui/ComposerInputs.cpp" line="61" />
            <source>Last frame</source>
            <translation>Последний кадр</translation>
        </message>
        <message>
            <location filename="../../ui/ComposerInputs.cpp" line="62" />
            <source>The video ends on this image: drop it here, paste it with Ctrl+V, or</source>
            <translation>Этим изображением закончится видео: перетащите его сюда, вставьте через Ctrl+V или нажмите</translation>
        </message>
        <message>
            <location filename="../../ui/ComposerInputs.cpp" line="198" />
            <source>PixVerse video %1</source>
            <translation>Видео PixVerse %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;First frame&lt;/b&gt;: the video starts here. Drop it, paste it with Ctrl+V, or</source>
            <translation type="vanished">&lt;b&gt;Первый кадр&lt;/b&gt;: с него начнётся видео. Перетащите его сюда, вставьте через Ctrl+V или нажмите</translation>
        </message>
        <message>
            <source>&lt;b&gt;Last frame&lt;/b&gt;: the video ends here. Drop it, paste it with Ctrl+V, or</source>
            <translation type="vanished">&lt;b&gt;Последний кадр&lt;/b&gt;: им закончится видео. Перетащите его сюда, вставьте через Ctrl+V или нажмите</translation>
        </message>
        <message>
            <location filename="../../ui/ComposerInputsEffects.cpp" line="63" />
            <source>Image %1 of the effect</source>
            <translation>Изображение %1 для эффекта</translation>
        </message>
        <message>
            <location filename="../../ui/ComposerInputsEffects.cpp" line="65" />
            <source>Image of the effect</source>
            <translation>Изображение для эффекта</translation>
        </message>
        <message>
            <location filename="../../ui/ComposerInputsEffects.cpp" line="66" />
            <source>The effect is applied to this image: drop it here, paste it with Ctrl+V, or</source>
            <translation>Эффект применяется к этому изображению: перетащите его сюда, вставьте через Ctrl+V или нажмите</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ContinuationPrice</name>
        <message>
            <location filename="../../ui/ContinuationPrice.cpp" line="16" />
            <source>Cost: %1 credits</source>
            <translation>Стоимость: %1 кред.</translation>
        </message>
        <message>
            <location filename="../../ui/ContinuationPrice.cpp" line="18" />
            <source>PixVerse does not publish the upscale price; the charge shows on the card when the video is done.</source>
            <translation>PixVerse не публикует цену увеличения разрешения; списание появится на карточке, когда видео будет готово.</translation>
        </message>
        <message>
            <location filename="../../ui/ContinuationPrice.cpp" line="21" />
            <source>The price is not known yet; the charge shows on the card when the video is done.</source>
            <translation>Цена пока неизвестна; списание появится на карточке, когда видео будет готово.</translation>
        </message>
        <message>
            <location filename="../../ui/ContinuationPrice.cpp" line="27" />
            <source>Balance after: %1 credits (of %2)</source>
            <translation>Останется: %1 кред. (из %2)</translation>
        </message>
        <message>
            <location filename="../../ui/ContinuationPrice.cpp" line="29" />
            <source>Not enough credits: the balance is %1.</source>
            <translation>Недостаточно кредитов: на балансе %1.</translation>
        </message>
        <message>
            <location filename="../../ui/ContinuationPrice.cpp" line="31" />
            <source>Balance: %1 credits</source>
            <translation>Баланс: %1 кред.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::CredentialStore</name>
        <message>
            <location filename="../../core/auth/CredentialStore.cpp" line="141" />
            <source>No keychain is available (%1).</source>
            <translation>Связка ключей недоступна (%1).</translation>
        </message>
        <message>
            <location filename="../../core/auth/CredentialStore.cpp" line="159" />
            <source>The keychain refused to read the saved sign-in (%1).</source>
            <translation>Связка ключей не дала прочитать сохранённые данные входа (%1).</translation>
        </message>
        <message>
            <location filename="../../core/auth/CredentialStore.cpp" line="173" />
            <source>The keychain refused to save the sign-in (%1).</source>
            <translation>Связка ключей не дала сохранить данные входа (%1).</translation>
        </message>
        <message>
            <location filename="../../core/auth/CredentialStore.cpp" line="188" />
            <source>The keychain refused to forget the sign-in (%1).</source>
            <translation>Связка ключей не дала удалить данные входа (%1).</translation>
        </message>
    </context>
    <context>
        <name>pixverse::DropSlot</name>
        <message>
            <location filename="../../ui/DropSlot.cpp" line="103" />
            <source>&amp;Browse…</source>
            <translation>&amp;Обзор…</translation>
        </message>
        <message>
            <location filename="../../ui/DropSlot.cpp" line="141" />
            <source>&amp;Replace…</source>
            <translation>&amp;Заменить…</translation>
        </message>
        <message>
            <location filename="../../ui/DropSlot.cpp" line="145" />
            <source>Re&amp;move</source>
            <translation>У&amp;брать</translation>
        </message>
        <message>
            <location filename="../../ui/DropSlot.cpp" line="204" />
            <source>Uploading… %1 of %2</source>
            <translation>Загрузка… %1 из %2</translation>
        </message>
    </context>
    <context>
        <name>pixverse::DurationControl</name>
        <message>
            <location filename="../../ui/DurationControl.cpp" line="48" />
            <location filename="../../ui/DurationControl.cpp" line="76" />
            <location filename="../../ui/DurationControl.cpp" line="138" />
            <source>%1 s</source>
            <translation>%1 с</translation>
        </message>
        <message>
            <location filename="../../ui/DurationControl.cpp" line="139" />
            <source>Any whole number of seconds from %1 to %2.</source>
            <translation>Любое целое число секунд от %1 до %2.</translation>
        </message>
        <message>
            <location filename="../../ui/DurationControl.cpp" line="151" />
            <source>Duration</source>
            <translation>Длительность</translation>
        </message>
    </context>
    <context>
        <name>pixverse::EffectCardDelegate</name>
        <message>
            <location filename="../../ui/EffectCardDelegate.cpp" line="58" />
            <source>Text only</source>
            <translation>Только текст</translation>
        </message>
        <message>
            <location filename="../../ui/EffectCardDelegate.cpp" line="61" />
            <source>1 image</source>
            <translation>1 изображение</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/EffectCardDelegate.cpp" line="62" />
            <source>%n images</source>
            <translation>
                <numerusform>%n изображение</numerusform>
                <numerusform>%n изображения</numerusform>
                <numerusform>%n изображений</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/EffectCardDelegate.cpp" line="76" />
            <source>Any quality</source>
            <translation>Любое качество</translation>
        </message>
        <message>
            <location filename="../../ui/EffectCardDelegate.cpp" line="77" />
            <source>Up to %1</source>
            <translation>До %1</translation>
        </message>
        <message>
            <location filename="../../ui/EffectCardDelegate.cpp" line="87" />
            <location filename="../../ui/EffectCardDelegate.cpp" line="128" />
            <source>Needs activation</source>
            <translation>Нужна активация</translation>
        </message>
        <message>
            <location filename="../../ui/EffectCardDelegate.cpp" line="89" />
            <source>No preview</source>
            <translation>Нет предпросмотра</translation>
        </message>
    </context>
    <context>
        <name>pixverse::EffectsBrowser</name>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="237" />
            <source>Search effects</source>
            <translation>Поиск эффектов</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="238" />
            <source>Search by name, description or category (Ctrl+F)</source>
            <translation>Поиск по названию, описанию или категории (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="239" />
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="240" />
            <source>Fetch the list of effects again</source>
            <translation>Загрузить список эффектов заново</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="241" />
            <source>&amp;Use effect</source>
            <translation>&amp;Применить эффект</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="242" />
            <source>Set the composer up for the selected effect (Enter, double-click)</source>
            <translation>Настроить редактор под выбранный эффект (Enter, двойной щелчок)</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="243" />
            <source>Show one category</source>
            <translation>Показать одну категорию</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="244" />
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="245" />
            <source>Effects</source>
            <translation>Эффекты</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="351" />
            <source>All categories</source>
            <translation>Все категории</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="369" />
            <source>Updating the list of effects…</source>
            <translation>Обновление списка эффектов…</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="371" />
            <source>Offline: the list from %1. %2</source>
            <translation>Нет связи: список от %1. %2</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="373" />
            <source>The list could not be updated. %1</source>
            <translation>Не удалось обновить список. %1</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="375" />
            <source>Updated %1</source>
            <translation>Обновлено %1</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="385" />
            <source>Effects are not offered with this sign-in.</source>
            <translation>При этом способе входа эффекты недоступны.</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="388" />
            <location filename="../../ui/EffectsBrowser.cpp" line="394" />
            <source>Loading effects…</source>
            <translation>Загрузка эффектов…</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="390" />
            <source>The effects could not be loaded. %1</source>
            <translation>Не удалось загрузить эффекты. %1</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="392" />
            <source>PixVerse lists no effects for this account.</source>
            <translation>PixVerse не предлагает эффектов для этой учётной записи.</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="396" />
            <source>No effect matches the search.</source>
            <translation>Ни один эффект не подходит под запрос.</translation>
        </message>
        <message>
            <location filename="../../ui/EffectsBrowser.cpp" line="414" />
            <source>No preview: %1</source>
            <translation>Нет предпросмотра: %1</translation>
        </message>
    </context>
    <context>
        <name>pixverse::GenerationMode</name>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="20" />
            <source>Text to video</source>
            <translation>Текст в видео</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="22" />
            <source>Image to video</source>
            <translation>Изображение в видео</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="24" />
            <source>First and last frame</source>
            <translation>Первый и последний кадр</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="25" />
            <source>Extend</source>
            <translation>Продолжение</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="26" />
            <source>Effect</source>
            <translation>Эффект</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="28" />
            <source>Reference to video</source>
            <translation>Видео по референсам</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="29" />
            <source>Upscale</source>
            <translation>Повышение разрешения</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="30" />
            <source>Sound</source>
            <translation>Звук</translation>
        </message>
        <message>
            <location filename="../../core/generation/GenerationRequest.cpp" line="31" />
            <source>Lip sync</source>
            <translation>Синхронизация губ</translation>
        </message>
    </context>
    <context>
        <name>pixverse::GenerationSettingsPanel</name>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="92" />
            <source>Mode</source>
            <translation>Режим</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="91" />
            <source>&amp;Model</source>
            <translation>&amp;Модель</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="93" />
            <source>&amp;Quality</source>
            <translation>&amp;Качество</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="94" />
            <source>&amp;Aspect ratio</source>
            <translation>&amp;Соотношение сторон</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="95" />
            <source>M&amp;otion</source>
            <translation>Дви&amp;жение</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="96" />
            <source>St&amp;yle</source>
            <translation>С&amp;тиль</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="97" />
            <source>&amp;Camera</source>
            <translation>Камер&amp;а</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="98" />
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="338" />
            <source>What the video is made from. Dropping an image chooses image to video.</source>
            <translation>Из чего делается видео. Если перетащить сюда изображение, выбирается «Изображение в видео».</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="100" />
            <source>&amp;Duration</source>
            <translation>&amp;Длительность</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="118" />
            <source>S&amp;eed</source>
            <translation>С&amp;ид</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="120" />
            <source>Fixed</source>
            <translation>Фиксированный</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="122" />
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="407" />
            <source>Unchecked: a new random seed each time. Checked: the same seed, for repeatable results.</source>
            <translation>Не отмечено: каждый раз новый случайный сид. Отмечено: один и тот же сид для повторяемых результатов.</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="134" />
            <source>⚄ Roll</source>
            <translation>⚄ Бросить</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="135" />
            <source>Roll a random seed and keep it</source>
            <translation>Выбросить случайный сид и закрепить его</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="136" />
            <source>Roll a random seed</source>
            <translation>Выбросить случайный сид</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="204" />
            <source>%1 is not offered for this account: %2 is used instead.</source>
            <translation>Модель %1 недоступна для этой учётной записи, вместо неё выбрана %2.</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="335" />
            <source>The shape of the video. With an image, the image decides it.</source>
            <translation>Форма кадра. Если есть изображение, форму задаёт оно.</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="391" />
            <source>%1 has one motion mode.</source>
            <translation>У %1 только один режим движения.</translation>
        </message>
        <message>
            <source>%1 turned off: %2</source>
            <translation type="vanished">Выключено «%1»: %2</translation>
        </message>
        <message>
            <source>%1 %2 → %3: %4</source>
            <translation type="vanished">%1 %2 → %3: %4</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="404" />
            <source>%1 records the seed but does not repeat a video from it: the same seed gives a variation.</source>
            <translation>%1 запоминает сид, но не повторяет по нему видео: тот же сид даст вариацию.</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="446" />
            <source>Turned off: %1. %2</source>
            <translation>Выключено: «%1». %2</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="448" />
            <source>%1 → %2: %3</source>
            <translation>%1 → %2: %3</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="459" />
            <source>%1 s</source>
            <translation>%1 с</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="461" />
            <source>360p (Turbo)</source>
            <translation>360p (Turbo)</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="464" />
            <source>Normal</source>
            <translation>Обычное</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="466" />
            <source>Fast</source>
            <translation>Быстрое</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="471" />
            <source>Anime</source>
            <translation>Аниме</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="472" />
            <source>3D animation</source>
            <translation>3D-анимация</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="473" />
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="474" />
            <source>Clay</source>
            <translation>Пластилин</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="475" />
            <source>Cyberpunk</source>
            <translation>Киберпанк</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="476" />
            <source>Comic</source>
            <translation>Комикс</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="477" />
            <source>Realistic</source>
            <translation>Реализм</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="478" />
            <source>Horizontal left</source>
            <translation>Горизонтально влево</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="479" />
            <source>Horizontal right</source>
            <translation>Горизонтально вправо</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="480" />
            <source>Vertical up</source>
            <translation>Вертикально вверх</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="481" />
            <source>Vertical down</source>
            <translation>Вертикально вниз</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="482" />
            <source>Zoom in</source>
            <translation>Приближение</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="483" />
            <source>Zoom out</source>
            <translation>Отдаление</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="484" />
            <source>Auto camera</source>
            <translation>Автокамера</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="485" />
            <source>Crane up</source>
            <translation>Кран вверх</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="486" />
            <source>Quickly zoom in</source>
            <translation>Быстрое приближение</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="487" />
            <source>Quickly zoom out</source>
            <translation>Быстрое отдаление</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="488" />
            <source>Smooth zoom in</source>
            <translation>Плавное приближение</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="489" />
            <source>Camera rotation</source>
            <translation>Вращение камеры</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="490" />
            <source>Robo arm</source>
            <translation>Роборука</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="491" />
            <source>Super dolly out</source>
            <translation>Супер-отъезд</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="492" />
            <source>Whip pan</source>
            <translation>Резкая панорама</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="493" />
            <source>Hitchcock</source>
            <translation>Эффект Хичкока</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="494" />
            <source>Left follow</source>
            <translation>Следование слева</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="495" />
            <source>Right follow</source>
            <translation>Следование справа</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="496" />
            <source>Pan left</source>
            <translation>Панорама влево</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="497" />
            <source>Pan right</source>
            <translation>Панорама вправо</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="498" />
            <source>Fixed background</source>
            <translation>Неподвижный фон</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsPanel.cpp" line="501" />
            <source>None</source>
            <translation>Нет</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsModes.cpp" line="50" />
            <source>No model offered to this account makes "%1" videos.</source>
            <translation>Ни одна модель, доступная этой учётной записи, не делает видео «%1».</translation>
        </message>
        <message>
            <location filename="../../ui/GenerationSettingsModes.cpp" line="82" />
            <source>%1 cannot make "%2" videos: %3 is used instead.</source>
            <translation>%1 не делает видео «%2»: вместо неё выбрана %3.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::HotFolder</name>
        <message>
            <location filename="../../core/queue/HotFolder.cpp" line="45" />
            <source>The hot folder needs a signed-in account.</source>
            <translation>Для горячей папки нужно войти в учётную запись.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolder.cpp" line="49" />
            <source>Choose the folder to watch.</source>
            <translation>Выберите папку, за которой следить.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolder.cpp" line="55" />
            <source>The folder “%1” cannot be used: it cannot be made or written to.</source>
            <translation>Папку «%1» нельзя использовать: её не удаётся создать или в неё нельзя записывать.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderTake.cpp" line="112" />
            <source>Its price is not known, so the hot folder's daily cap could not be kept.</source>
            <translation>Его цена неизвестна, поэтому дневной лимит горячей папки нельзя было бы соблюсти.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderTake.cpp" line="129" />
            <source>The hot folder's daily cap of %1 credits is reached (%2 spent today; “%3” would cost %4). Its files wait until tomorrow.</source>
            <translation>Дневной лимит горячей папки в %1 кредитов исчерпан (сегодня потрачено %2; «%3» стоил бы %4). Её файлы подождут до завтра.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderTake.cpp" line="144" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="136" />
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="40" />
            <source>“%1” could not be copied for reading.</source>
            <translation>«%1» не удалось скопировать для чтения.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="88" />
            <source>It is a link that leads nowhere or to itself.</source>
            <translation>Это ссылка, которая ведёт в никуда или на саму себя.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="92" />
            <source>It is not a regular file.</source>
            <translation>Это не обычный файл.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="97" />
            <location filename="../../core/queue/HotFolderFiles.cpp" line="102" />
            <source>It cannot be read: %1.</source>
            <translation>Его нельзя прочитать: %1.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="138" />
            <source>It holds no generation.</source>
            <translation>В нём нет ни одной генерации.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="147" />
            <source>The folder “%1” cannot be made.</source>
            <translation>Папку «%1» не удаётся создать.</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="158" />
            <source>“%1” cannot be moved to “%2”.</source>
            <translation>«%1» не удаётся переместить в «%2».</translation>
        </message>
        <message>
            <location filename="../../core/queue/HotFolderFiles.cpp" line="172" />
            <source>The reason cannot be written next to “%1”.</source>
            <translation>Причину не удаётся записать рядом с «%1».</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ImageCheck</name>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="152" />
            <source>%1 cannot be read: %2.</source>
            <translation>Не удаётся прочитать %1: %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="360" />
            <source>The image %1 is %2 × %3 px; PixVerse accepts at most %4 px per side: scale it down first.</source>
            <translation>Изображение %1 имеет размер %2 × %3 пикс.; PixVerse принимает не более %4 пикс. по каждой стороне: сначала уменьшите его.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="106" />
            <source>No file was given.</source>
            <translation>Файл не указан.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="112" />
            <source>%1 cannot be found: it may have been moved or deleted.</source>
            <translation>Не удаётся найти %1: возможно, файл перемещён или удалён.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="115" />
            <source>%1 is a folder, not an image.</source>
            <translation>%1 — это папка, а не изображение.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="118" />
            <source>%1 is not a regular file.</source>
            <translation>%1 — не обычный файл.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="120" />
            <source>%1 is empty (0 bytes).</source>
            <translation>Файл %1 пуст (0 байт).</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="135" />
            <source>%1 cannot be opened: %2.</source>
            <translation>Не удаётся открыть %1: %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="144" />
            <source>%1 is not an image, or not in a format PixVerse Studio can read.</source>
            <translation>%1 — не изображение или его формат PixVerse Studio прочитать не может.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="165" />
            <source>%1 is too large to open: %2 × %3 px.</source>
            <translation>%1 слишком велико, чтобы открыть: %2 × %3 пикс.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="185" />
            <location filename="../../core/generation/ImageCheck.cpp" line="195" />
            <location filename="../../core/generation/ImageCheck.cpp" line="243" />
            <source>The check of %1 was cancelled.</source>
            <translation>Проверка %1 отменена.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="190" />
            <source>%1 looks like a %2 image but cannot be read (%3): it may be damaged or incomplete.</source>
            <translation>%1 похоже на изображение %2, но не читается (%3): возможно, файл повреждён или неполон.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="229" />
            <source>Ready to upload as it is.</source>
            <translation>Готово к загрузке без изменений.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="247" />
            <source>%1 could not be converted to %2.</source>
            <translation>Не удалось преобразовать %1 в %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="267" />
            <source>%1 cannot be made smaller than %2.</source>
            <translation>Не удаётся уменьшить %1 до размера меньше %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="273" />
            <source>Used the first frame of the animated GIF.</source>
            <translation>Взят первый кадр анимированного GIF.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="275" />
            <source>Converted from %1 to JPEG, as PixVerse accepts only %2 and a PNG would be %3 or more.</source>
            <translation>Преобразовано из %1 в JPEG: PixVerse принимает только %2, а PNG занял бы %3 или больше.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="280" />
            <source>Converted from %1 to %2, as PixVerse accepts only %3.</source>
            <translation>Преобразовано из %1 в %2: PixVerse принимает только %3.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="284" />
            <source>Converted from %1 to %2 to keep the file under %3.</source>
            <translation>Преобразовано из %1 в %2, чтобы файл был меньше %3.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="288" />
            <source>Re-encoded because the file was %1; PixVerse accepts files under %2.</source>
            <translation>Перекодировано, потому что файл занимал %1; PixVerse принимает файлы меньше %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="294" />
            <source>Scaled down from %1 × %2 to %3 × %4 px, as PixVerse accepts at most %5 px per side.</source>
            <translation>Уменьшено с %1 × %2 до %3 × %4 пикс.: PixVerse принимает не больше %5 пикс. по стороне.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="317" />
            <source>%1 could not be converted: the folder %2 cannot be created.</source>
            <translation>Не удалось преобразовать %1: не удаётся создать папку %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="322" />
            <source>%1 could not be converted: %2 cannot be written (%3).</source>
            <translation>Не удалось преобразовать %1: не удаётся записать %2 (%3).</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="387" />
            <source>%1 bytes</source>
            <translation>%1 байт</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="388" />
            <source>%1 KB</source>
            <translation>%1 КБ</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="388" />
            <source>%1 MB</source>
            <translation>%1 МБ</translation>
        </message>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="389" />
            <source>%1 GB</source>
            <translation>%1 ГБ</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ImageDropZone</name>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="63" />
            <source>Images (%1)</source>
            <translation>Изображения (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="64" />
            <source>All files (*)</source>
            <translation>Все файлы (*)</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="78" />
            <source>Image to animate</source>
            <translation>Изображение для анимации</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="71" />
            <source>&lt;b&gt;Start from an image&lt;/b&gt; (optional): drop it here, paste it with Ctrl+V, or</source>
            <translation>&lt;b&gt;Начните с изображения&lt;/b&gt; (необязательно): перетащите его сюда, вставьте через Ctrl+V или</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="vanished">&amp;Обзор…</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="72" />
            <source>%1 under %2, at most %3 px per side. Other images are converted for you.</source>
            <translation>%1 меньше %2, не больше %3 пикс. по стороне. Другие изображения будут преобразованы автоматически.</translation>
        </message>
        <message>
            <source>&amp;Replace…</source>
            <translation type="vanished">&amp;Заменить…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation type="vanished">У&amp;брать</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="104" />
            <source>Checking %1…</source>
            <translation>Проверка %1…</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="109" />
            <source>The pasted image is empty.</source>
            <translation>Вставленное изображение пустое.</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="123" />
            <source>The pasted image cannot be saved to %1: %2.</source>
            <translation>Не удаётся сохранить вставленное изображение в %1: %2.</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="129" />
            <source>Reading the pasted image…</source>
            <translation>Чтение вставленного изображения…</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="134" />
            <source>There is nothing to paste.</source>
            <translation>Нечего вставить.</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="140" />
            <source>%1 files were given; using the first, %2.</source>
            <translation>Передано файлов: %1; используется первый — %2.</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="154" />
            <source>%1 is not a file on this computer: save it first, then add the file.</source>
            <translation>%1 — не файл на этом компьютере: сначала сохраните его, затем добавьте файл.</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="167" />
            <source>There is no image or image file to paste.</source>
            <translation>Нет изображения или файла изображения, чтобы вставить.</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="171" />
            <source>Choose an image to animate</source>
            <translation>Выберите изображение для анимации</translation>
        </message>
        <message>
            <source>Uploading… %1 of %2</source>
            <translation type="vanished">Загрузка… %1 из %2</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="244" />
            <source>%1 · %2 × %3 px · %4</source>
            <translation>%1 · %2 × %3 пикс. · %4</translation>
        </message>
        <message>
            <location filename="../../ui/ImageDropZone.cpp" line="250" />
            <source>Will upload %1</source>
            <translation>Будет загружено: %1</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ImageFile</name>
        <message>
            <source>“%1” does not exist or is not a file.</source>
            <translation type="vanished">«%1» не существует или не является файлом.</translation>
        </message>
        <message>
            <source>“%1” cannot be read: %2.</source>
            <translation type="vanished">Не удаётся прочитать «%1»: %2.</translation>
        </message>
        <message>
            <source>“%1” is empty.</source>
            <translation type="vanished">Файл «%1» пуст.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ImageLimits</name>
        <message>
            <location filename="../../core/generation/ImageCheck.cpp" line="339" />
            <source>PNG, JPEG or WebP</source>
            <translation>PNG, JPEG или WebP</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobCardDelegate</name>
        <message>
            <location filename="../../ui/JobCardDelegate.cpp" line="203" />
            <source>(no prompt)</source>
            <translation>(без промпта)</translation>
        </message>
        <message>
            <source>Image · %1</source>
            <translation type="vanished">Изображение · %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobCardDelegate.cpp" line="208" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../ui/JobCardDelegate.cpp" line="227" />
            <source>×%1</source>
            <translation>×%1</translation>
        </message>
        <message>
            <location filename="../../ui/JobCardDelegate.cpp" line="435" />
            <source>Picked</source>
            <translation>Выбран</translation>
        </message>
        <message>
            <location filename="../../ui/JobCardDelegate.cpp" line="192" />
            <source>#%1 in queue</source>
            <translation>№%1 в очереди</translation>
        </message>
        <message>
            <location filename="../../ui/JobCardDelegate.cpp" line="433" />
            <source>Paused</source>
            <translation>Приостановлено</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobEngine</name>
        <message>
            <location filename="../../core/jobs/Job.cpp" line="57" />
            <source>PixVerse's moderation refused this video; the credits were refunded. Change the prompt or the image and try again.</source>
            <translation>Модерация PixVerse отклонила это видео; кредиты возвращены. Измените промпт или изображение и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/Job.cpp" line="64" />
            <source>PixVerse could not generate this video. Try again; if it keeps failing, change the settings.</source>
            <translation>PixVerse не смог сгенерировать это видео. Повторите попытку; если не получится, измените параметры.</translation>
        </message>
        <message>
            <source>PixVerse no longer has this video.</source>
            <translation type="vanished">У PixVerse больше нет этого видео.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/DownloadQueue.cpp" line="167" />
            <source>PixVerse no longer has this video, so it cannot be downloaded again.</source>
            <translation>У PixVerse больше нет этого видео, поэтому скачать его снова нельзя.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/DownloadQueue.cpp" line="267" />
            <source>The video was made but could not be saved: %1 Use “Download again” to retry.</source>
            <translation>Видео создано, но сохранить его не удалось: %1 Чтобы повторить, выберите «Скачать заново».</translation>
        </message>
        <message>
            <location filename="../../core/jobs/Job.cpp" line="71" />
            <source>PixVerse deleted this video before it was saved here. Retry makes a new one.</source>
            <translation>PixVerse удалил это видео раньше, чем оно сохранилось здесь. «Повторить» создаст новое.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobEngine.cpp" line="328" />
            <source>Reuse Settings sends it again with settings that are offered.</source>
            <translation>«Использовать настройки снова» отправит его с доступными настройками.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobEngineQueue.cpp" line="141" />
            <source>This job has already been sent; it can no longer be edited.</source>
            <translation>Это задание уже отправлено, изменить его нельзя.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobEngineQueue.cpp" line="153" />
            <source>The edited job could not be saved.</source>
            <translation>Не удалось сохранить изменённое задание.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobFilterModel</name>
        <message>
            <location filename="../../core/jobs/JobFilterModel.cpp" line="221" />
            <source>%1 × %2</source>
            <comment>takes × one take's price</comment>
            <translation>%1 × %2</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobGalleryView</name>
        <message>
            <location filename="../../ui/JobGalleryView.cpp" line="49" />
            <source>Your generations appear here.</source>
            <translation>Здесь появятся ваши генерации.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobLibrary</name>
        <message>
            <location filename="../../core/jobs/JobLibraryMarks.cpp" line="33" />
            <source>“%1” could not be moved to the trash, so its job stays in the list.</source>
            <translation>«%1» не удалось переместить в корзину, поэтому задание остаётся в списке.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobListModel</name>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="192" />
            <source>Queued</source>
            <translation>В очереди</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="194" />
            <source>Uploading</source>
            <translation>Загрузка</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="196" />
            <source>Starting</source>
            <translation>Запуск</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="198" />
            <source>Generating</source>
            <translation>Генерация</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="200" />
            <source>Downloading</source>
            <translation>Скачивание</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="202" />
            <source>Done</source>
            <translation>Готово</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="204" />
            <source>Failed</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="206" />
            <source>Moderated</source>
            <translation>Отклонено модерацией</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="208" />
            <source>Cancelled</source>
            <translation>Отменено</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="234" />
            <source>Uploading %1%</source>
            <translation>Загрузка %1%</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="238" />
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="239" />
            <source>%1 (slow)</source>
            <translation>%1 (медленно)</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="243" />
            <source>Downloading %1%</source>
            <translation>Скачивание %1%</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="250" />
            <source>On PixVerse</source>
            <translation>На PixVerse</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="584" />
            <source>“%1” spoken</source>
            <translation>«%1» (речь)</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="586" />
            <source>Speech from %1</source>
            <translation>Речь из %1</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="593" />
            <source>Sound chosen by PixVerse</source>
            <translation>Звук на выбор PixVerse</translation>
        </message>
        <message>
            <source>%1 · %2 · %3 s</source>
            <translation type="vanished">%1 · %2 · %3 с</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="315" />
            <source>1 credit</source>
            <translation>1 кредит</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="315" />
            <source>%1 credits</source>
            <translation>Кредитов: %1</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="210" />
            <source>Deleted</source>
            <translation>Удалено</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="216" />
            <source>Deleted on PixVerse</source>
            <translation>Удалено на PixVerse</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="220" />
            <source>%1 s</source>
            <translation>%1 с</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="600" />
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <source>Image to video</source>
            <translation type="vanished">Изображение в видео</translation>
        </message>
        <message>
            <source>Text to video</source>
            <translation type="vanished">Текст в видео</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="624" />
            <source>from a removed take</source>
            <translation>из удалённого дубля</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="628" />
            <source>from %1</source>
            <translation>из: %1</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobListModel.cpp" line="629" />
            <source>from “%1”</source>
            <translation>из «%1»</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobStore</name>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="83" />
            <source>Cannot create the folder “%1”.</source>
            <translation>Не удаётся создать папку «%1».</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="93" />
            <source>Cannot open the job database “%1”: %2</source>
            <translation>Не удаётся открыть базу данных заданий «%1»: %2</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="104" />
            <source>The job database cannot use write-ahead logging: %1</source>
            <translation>База данных заданий не может использовать журнал упреждающей записи: %1</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="115" />
            <source>The job database was written by a newer version of PixVerse Studio (schema %1, this version knows %2). Update the app.</source>
            <translation>База данных заданий записана более новой версией PixVerse Studio (схема %1, эта версия знает схему %2). Обновите приложение.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="182" />
            <source>Cannot update the job database: %1</source>
            <translation>Не удаётся обновить базу данных заданий: %1</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="188" />
            <location filename="../../core/jobs/JobStore.cpp" line="197" />
            <location filename="../../core/jobs/JobStore.cpp" line="208" />
            <source>Cannot update the job database to schema %1: %2</source>
            <translation>Не удаётся обновить базу данных заданий до схемы %1: %2</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="222" />
            <location filename="../../core/jobs/JobStore.cpp" line="239" />
            <location filename="../../core/jobs/JobStore.cpp" line="246" />
            <location filename="../../core/jobs/JobStoreQueue.cpp" line="278" />
            <location filename="../../core/jobs/JobStoreQueue.cpp" line="283" />
            <source>Cannot read the job database: %1</source>
            <translation>Не удаётся прочитать базу данных заданий: %1</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStoreInputs.cpp" line="34" />
            <location filename="../../core/jobs/JobStoreInputs.cpp" line="39" />
            <source>Cannot read “%1”: %2</source>
            <translation>Не удаётся прочитать «%1»: %2</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStoreInputs.cpp" line="53" />
            <source>Cannot keep a copy of “%1” in “%2”.</source>
            <translation>Не удаётся сохранить копию «%1» в «%2».</translation>
        </message>
        <message>
            <source>Cannot read the image “%1”: %2.</source>
            <translation type="vanished">Не удаётся прочитать изображение «%1»: %2.</translation>
        </message>
        <message>
            <source>The image “%1” is empty.</source>
            <translation type="vanished">Изображение «%1» пустое.</translation>
        </message>
        <message>
            <source>Cannot keep a copy of the image in “%1”: %2.</source>
            <translation type="vanished">Не удаётся сохранить копию изображения в «%1»: %2.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="302" />
            <location filename="../../core/jobs/JobStore.cpp" line="332" />
            <location filename="../../core/jobs/JobStoreLibrary.cpp" line="145" />
            <location filename="../../core/jobs/JobStoreQueue.cpp" line="32" />
            <location filename="../../core/jobs/JobStoreQueue.cpp" line="185" />
            <source>The job database is not open.</source>
            <translation>База данных заданий не открыта.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStore.cpp" line="286" />
            <location filename="../../core/jobs/JobStore.cpp" line="294" />
            <location filename="../../core/jobs/JobStore.cpp" line="314" />
            <location filename="../../core/jobs/JobStore.cpp" line="340" />
            <location filename="../../core/jobs/JobStore.cpp" line="354" />
            <location filename="../../core/jobs/JobStore.cpp" line="362" />
            <location filename="../../core/jobs/JobStoreQueue.cpp" line="62" />
            <source>Cannot save the job: %1</source>
            <translation>Не удаётся сохранить задание: %1</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStoreLibrary.cpp" line="147" />
            <source>A board needs a name.</source>
            <translation>У доски должно быть название.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobLibraryMarks.cpp" line="208" />
            <location filename="../../core/jobs/JobStoreLibrary.cpp" line="181" />
            <source>There is no such board.</source>
            <translation>Такой доски нет.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStoreLibrary.cpp" line="152" />
            <source>There is already a board named “%1”. Choose another name.</source>
            <translation>Доска «%1» уже есть. Выберите другое название.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStoreLibrary.cpp" line="168" />
            <location filename="../../core/jobs/JobStoreLibrary.cpp" line="193" />
            <source>Cannot save the board “%1”: %2</source>
            <translation>Не удаётся сохранить доску «%1»: %2</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobStoreQueue.cpp" line="215" />
            <source>Cannot save the spending ledger: %1</source>
            <translation>Не удаётся сохранить журнал расходов: %1</translation>
        </message>
    </context>
    <context>
        <name>pixverse::JobsPane</name>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="67" />
            <source>Save a Copy As</source>
            <translation>Сохранить копию как</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="68" />
            <source>MP4 videos (*.mp4)</source>
            <translation>Видео MP4 (*.mp4)</translation>
        </message>
        <message>
            <source>All jobs</source>
            <translation type="vanished">Все задания</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation type="vanished">В работе</translation>
        </message>
        <message>
            <source>Done</source>
            <translation type="vanished">Готово</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation type="vanished">Ошибка</translation>
        </message>
        <message>
            <source>Moderated</source>
            <translation type="vanished">Отклонено модерацией</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="vanished">Отменено</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="219" />
            <source>&amp;Play</source>
            <translation>&amp;Воспроизвести</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="219" />
            <source>Play the video (Enter)</source>
            <translation>Воспроизвести видео (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="223" />
            <source>Open Containing &amp;Folder</source>
            <translation>Открыть &amp;папку с видео</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="224" />
            <source>Show the video in the file manager</source>
            <translation>Показать видео в файловом менеджере</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="227" />
            <source>&amp;Save a Copy As…</source>
            <translation>&amp;Сохранить копию как…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="228" />
            <source>Save a copy of the video elsewhere</source>
            <translation>Сохранить копию видео в другом месте</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="232" />
            <source>&amp;Copy Prompt</source>
            <translation>&amp;Копировать промпт</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="233" />
            <source>Copy the prompt to the clipboard</source>
            <translation>Скопировать промпт в буфер обмена</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="236" />
            <source>&amp;Reuse Settings</source>
            <translation>Использовать &amp;настройки снова</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="237" />
            <source>Put this job's prompt, settings and image back into the editor</source>
            <translation>Вернуть в редактор промпт, параметры и изображение этого задания</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="239" />
            <source>F&amp;avourite</source>
            <translation>&amp;Избранное</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="239" />
            <source>Mark as a favourite</source>
            <translation>Отметить как избранное</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="241" />
            <source>&amp;Retry</source>
            <translation>Повто&amp;рить</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="241" />
            <source>Generate this job again</source>
            <translation>Сгенерировать это задание снова</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="245" />
            <location filename="../../ui/JobsPane.cpp" line="471" />
            <source>&amp;Download Again</source>
            <translation>Скачать &amp;заново</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="246" />
            <source>Save the video from PixVerse again</source>
            <translation>Снова сохранить видео из PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="251" />
            <source>Ca&amp;ncel</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="252" />
            <source>Cancel a job that was not sent yet</source>
            <translation>Отменить задание, которое ещё не отправлено</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="255" />
            <source>Remove from &amp;List…</source>
            <translation>&amp;Убрать из списка…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="256" />
            <source>Remove from the list (and, if you choose, delete the video)</source>
            <translation>Убрать из списка (и, если хотите, удалить видео)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="321" />
            <source>Jobs</source>
            <translation>Задания</translation>
        </message>
        <message>
            <source>Show jobs in this state</source>
            <translation type="vanished">Показать задания в этом состоянии</translation>
        </message>
        <message>
            <source>Search prompts</source>
            <translation type="vanished">Поиск по промптам</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="339" />
            <location filename="../../ui/JobsPane.cpp" line="341" />
            <source>Favourites</source>
            <translation>Избранное</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="340" />
            <source>Show only favourite jobs</source>
            <translation>Показать только избранные задания</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="398" />
            <source>%1 queued</source>
            <translation>в очереди: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="398" />
            <source>%1 uploading</source>
            <translation>загружается: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="399" />
            <source>%1 starting</source>
            <translation>запускается: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="399" />
            <source>%1 generating</source>
            <translation>генерируется: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="400" />
            <source>%1 downloading</source>
            <translation>скачивается: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="400" />
            <source>%1 done</source>
            <translation>готово: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="401" />
            <source>%1 failed</source>
            <translation>с ошибкой: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="401" />
            <source>%1 moderated</source>
            <translation>отклонено модерацией: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="402" />
            <source>%1 cancelled</source>
            <translation>отменено: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="409" />
            <source>No jobs yet</source>
            <translation>Заданий пока нет</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="vanished">%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="414" />
            <source>Sign in to see your videos here.</source>
            <translation>Войдите, чтобы увидеть здесь свои видео.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="417" />
            <source>Your generations appear here.
Write a prompt and press Generate.</source>
            <translation>Здесь появятся ваши генерации.
Напишите промпт и нажмите «Сгенерировать».</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="419" />
            <source>No videos on this board yet.
Drag cards onto it, or right-click a card and choose Add to Board.</source>
            <translation>На этой доске пока нет видео.
Перетащите на неё карточки или выберите «Добавить на доску» в меню карточки.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="422" />
            <source>No job matches the filter.</source>
            <translation>Ни одно задание не подходит под фильтр.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="470" />
            <source>&amp;Download</source>
            <translation>&amp;Скачать</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="503" />
            <source>Saving the video from PixVerse; it plays once it is in your library.</source>
            <translation>Видео сохраняется из PixVerse; оно начнёт воспроизводиться, как только окажется в вашей библиотеке.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="510" />
            <source>The video “%1” is no longer there. Use “Download Again” to get it back.</source>
            <translation>Видео «%1» больше нет на месте. Чтобы вернуть его, выберите «Скачать заново».</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="580" />
            <source>Cannot open the folder “%1”.</source>
            <translation>Не удаётся открыть папку «%1».</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="602" />
            <source>Saved a copy to “%1”.</source>
            <translation>Копия сохранена в «%1».</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobLibrary.cpp" line="331" />
            <source>Cannot replace “%1”.</source>
            <translation>Не удаётся заменить «%1».</translation>
        </message>
        <message>
            <location filename="../../core/jobs/JobLibrary.cpp" line="335" />
            <source>Cannot save a copy to “%1”: %2</source>
            <translation>Не удаётся сохранить копию в «%1»: %2</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="663" />
            <source>Remove from List</source>
            <translation>Убрать из списка</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="664" />
            <source>Remove this job from the list?</source>
            <translation>Убрать это задание из списка?</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="665" />
            <source>Remove %1 jobs from the list?</source>
            <translation>Убрать задания из списка (%1)?</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="670" />
            <source>Its video stays in the library folder unless you delete it too.</source>
            <translation>Его видео останется в папке библиотеки, если не удалить и его.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="671" />
            <source>Their videos stay in the library folder unless you delete them too.</source>
            <translation>Их видео останутся в папке библиотеки, если не удалить и их.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="672" />
            <source>Remove</source>
            <translation>Убрать</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="675" />
            <source>Remove and Delete the Video</source>
            <translation>Убрать и удалить видео</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="676" />
            <source>Remove and Delete %1 Videos</source>
            <translation>Убрать и удалить видео (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="715" />
            <source>One video could not be deleted.</source>
            <translation>Одно видео не удалось удалить.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="716" />
            <source>%1 videos could not be deleted.</source>
            <translation>Не удалось удалить видео: %1.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="732" />
            <source>Video ready</source>
            <translation>Видео готово</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="735" />
            <source>Video failed</source>
            <translation>Видео не получилось</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="740" />
            <source>Video refused by moderation</source>
            <translation>Видео отклонено модерацией</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation type="vanished">Удалено</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="402" />
            <source>%1 deleted</source>
            <translation>удалено: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="729" />
            <location filename="../../ui/JobsPane.cpp" line="743" />
            <source>Video deleted on PixVerse</source>
            <translation>Видео удалено на PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="730" />
            <source>The copy in your library still plays.</source>
            <translation>Копия в вашей библиотеке по-прежнему воспроизводится.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="362" />
            <source>Showing one video's family; click to show every job</source>
            <translation>Показано семейство одного видео; нажмите, чтобы показать все задания</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="71" />
            <source>E&amp;xtend…</source>
            <translation>&amp;Продлить…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="72" />
            <source>Continue this video in the composer: a longer clip from its end</source>
            <translation>Продолжить это видео в редакторе: более длинный ролик с его конца</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="74" />
            <source>Use Last Frame as &amp;Next Start</source>
            <translation>Последний кадр — &amp;начало следующего</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="75" />
            <source>Put the video's last frame into the composer's image (image to video)</source>
            <translation>Поставить последний кадр видео в изображение редактора (видео из изображения)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="78" />
            <source>Use Last Frame as &amp;First Frame</source>
            <translation>Последний кадр — &amp;первый кадр перехода</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="79" />
            <source>Put the video's last frame into the first-frame slot of a transition</source>
            <translation>Поставить последний кадр видео в ячейку первого кадра перехода</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="81" />
            <source>&amp;Upscale…</source>
            <translation>&amp;Увеличить разрешение…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="82" />
            <source>Make a larger version of the video</source>
            <translation>Сделать версию видео в большем разрешении</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="83" />
            <source>Sound &amp;Effect…</source>
            <translation>&amp;Звуковой эффект…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="84" />
            <source>Add generated sound or music to the video</source>
            <translation>Добавить к видео сгенерированный звук или музыку</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="86" />
            <source>&amp;Lip Sync…</source>
            <translation>&amp;Синхронизация губ…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="87" />
            <source>Make the person in the video speak a text or an audio file</source>
            <translation>Человек в видео произнесёт текст или речь из аудиофайла</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="89" />
            <source>Go to &amp;Parent</source>
            <translation>К &amp;исходному видео</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="90" />
            <source>Select the video this one was made from</source>
            <translation>Выбрать видео, из которого сделано это</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="91" />
            <source>Show Fa&amp;mily</source>
            <translation>Показать &amp;семейство</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="92" />
            <source>Show only this video, the one it was made from and those made from it</source>
            <translation>Показать только это видео, то, из которого оно сделано, и сделанные из него</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="137" />
            <source>Continue</source>
            <translation>Продолжить</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="138" />
            <source>Continue this video: extend, last frame, upscale, sound</source>
            <translation>Продолжить это видео: продление, последний кадр, увеличение, звук</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="165" />
            <source>%1 needs a PixVerse platform API key: the website account's API does not offer it.</source>
            <translation>Для режима «%1» нужен API-ключ платформы PixVerse: API аккаунта сайта его не предлагает.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="201" />
            <source>Taking the last frame of the video…</source>
            <translation>Извлекается последний кадр видео…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="210" />
            <source>The last frame could not be taken: %1</source>
            <translation>Не удалось извлечь последний кадр: %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="229" />
            <location filename="../../ui/JobsPaneContinue.cpp" line="235" />
            <source>Upscale</source>
            <translation>Увеличить разрешение</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="230" />
            <source>Make a larger version of this video?</source>
            <translation>Сделать версию этого видео в большем разрешении?</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="286" />
            <source>The video this one was made from was removed from the list.</source>
            <translation>Видео, из которого сделано это, удалено из списка.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="336" />
            <source>Family</source>
            <translation>Семейство</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneContinue.cpp" line="336" />
            <source>Family of “%1”</source>
            <translation>Семейство «%1»</translation>
        </message>
        <message>
            <source>Add to board</source>
            <translation type="vanished">Добавить на доску</translation>
        </message>
        <message>
            <source>Remove from board</source>
            <translation type="vanished">Убрать с доски</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneCompare.cpp" line="17" />
            <source>Co&amp;mpare Takes…</source>
            <translation>С&amp;равнить дубли…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneCompare.cpp" line="19" />
            <source>Play 2–4 finished takes side by side, in step, and pick one</source>
            <translation>Воспроизвести 2–4 готовых дубля рядом, синхронно, и выбрать один</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneCompare.cpp" line="35" />
            <source>Select 2–4 finished takes to compare them</source>
            <translation>Выберите 2–4 готовых дубля, чтобы сравнить их</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="113" />
            <source>Ra&amp;ting</source>
            <translation>&amp;Оценка</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="130" />
            <source>Clean Up</source>
            <translation>Очистить</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="132" />
            <source>Move the rejected, or all but the picked and starred, videos to the trash</source>
            <translation>Переместить в корзину отклонённые видео или все, кроме выбранных и отмеченных</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPane.cpp" line="366" />
            <source>Showing the takes of one click; click to go back</source>
            <translation>Показаны дубли одного нажатия; нажмите, чтобы вернуться</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="47" />
            <source>&amp;1 Star</source>
            <translation>&amp;1 звезда</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="47" />
            <source>Rate 1 star (1; again to clear)</source>
            <translation>Оценка в 1 звезду (1; ещё раз — снять)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="49" />
            <source>&amp;2 Stars</source>
            <translation>&amp;2 звезды</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="49" />
            <source>Rate 2 stars (2; again to clear)</source>
            <translation>Оценка в 2 звезды (2; ещё раз — снять)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="51" />
            <source>&amp;3 Stars</source>
            <translation>&amp;3 звезды</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="51" />
            <source>Rate 3 stars (3; again to clear)</source>
            <translation>Оценка в 3 звезды (3; ещё раз — снять)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="53" />
            <source>&amp;4 Stars</source>
            <translation>&amp;4 звезды</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="53" />
            <source>Rate 4 stars (4; again to clear)</source>
            <translation>Оценка в 4 звезды (4; ещё раз — снять)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="55" />
            <source>&amp;5 Stars</source>
            <translation>&amp;5 звёзд</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="55" />
            <source>Rate 5 stars (5; again to clear)</source>
            <translation>Оценка в 5 звёзд (5; ещё раз — снять)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="57" />
            <source>&amp;No Rating</source>
            <translation>&amp;Без оценки</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="57" />
            <source>Take the rating away (0)</source>
            <translation>Снять оценку (0)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="59" />
            <source>Re&amp;ject</source>
            <translation>&amp;Отклонить</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="60" />
            <source>Reject: the card is dimmed and “Remove rejected” sweeps it (X)</source>
            <translation>Отклонить: карточка тускнеет, и «Удалить отклонённые» её уберёт (X)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="62" />
            <source>P&amp;ick</source>
            <translation>&amp;Выбрать</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="63" />
            <source>Pick this take; the other takes of its click lose their pick (P)</source>
            <translation>Выбрать этот дубль; с других дублей того же нажатия выбор снимается (P)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="65" />
            <source>&amp;Tags…</source>
            <translation>&amp;Теги…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="65" />
            <source>Edit the tags (T)</source>
            <translation>Изменить теги (T)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="67" />
            <source>&amp;Open Stack</source>
            <translation>&amp;Раскрыть стопку</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="68" />
            <source>Show each take of this click (Enter)</source>
            <translation>Показать каждый дубль этого нажатия (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="69" />
            <source>&amp;Back to the Gallery</source>
            <translation>&amp;Назад в галерею</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="70" />
            <source>Close the stack of takes (Esc)</source>
            <translation>Закрыть стопку дублей (Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="71" />
            <source>Remove &amp;Rejected…</source>
            <translation>Удалить &amp;отклонённые…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="72" />
            <source>Move the rejected videos the gallery shows to the trash</source>
            <translation>Переместить в корзину отклонённые видео, показанные в галерее</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="74" />
            <source>Remove All Except Picked and &amp;Starred…</source>
            <translation>Удалить все, кроме выбранных и от&amp;меченных…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="75" />
            <source>Move every finished video the gallery shows to the trash, except the picked, favourite and rated ones</source>
            <translation>Переместить в корзину все готовые видео галереи, кроме выбранных, избранных и оценённых</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="302" />
            <source>%1 takes of “%2” · Back to the gallery</source>
            <translation>Дубли «%2» (%1) · Назад в галерею</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="349" />
            <source>Clean Up the Gallery</source>
            <translation>Очистка галереи</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="352" />
            <source>The videos and their sidecars go to the desktop's trash, where you can still restore them; the jobs leave the list.</source>
            <translation>Видео и их файлы описания попадут в корзину рабочего стола, откуда их ещё можно восстановить; задания уйдут из списка.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="354" />
            <source>Move to Trash</source>
            <translation>В корзину</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="369" />
            <source>No rejected video to remove.</source>
            <translation>Нет отклонённых видео для удаления.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="370" />
            <source>Every finished video shown is picked or starred: nothing to remove.</source>
            <translation>Все показанные готовые видео выбраны или отмечены: удалять нечего.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="376" />
            <source>Move the rejected video to the trash?</source>
            <translation>Переместить отклонённое видео в корзину?</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="377" />
            <source>Move %1 rejected videos to the trash?</source>
            <translation>Переместить в корзину отклонённые видео (%1)?</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="381" />
            <source>Move the one video that is neither picked nor starred to the trash?</source>
            <translation>Переместить в корзину единственное видео, которое не выбрано и не отмечено?</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="382" />
            <source>Move %1 videos that are neither picked nor starred to the trash?</source>
            <translation>Переместить в корзину видео, которые не выбраны и не отмечены (%1)?</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="394" />
            <source>Moved one video to the trash.</source>
            <translation>Одно видео перемещено в корзину.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="395" />
            <source>Moved %1 videos to the trash.</source>
            <translation>Перемещено в корзину видео: %1.</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneLibrary.cpp" line="397" />
            <source>Not moved (they stay in the list): %1</source>
            <translation>Не перемещены (остаются в списке): %1</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneFilters.cpp" line="36" />
            <source>Add to &amp;Board</source>
            <translation>Добавить на &amp;доску</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneFilters.cpp" line="39" />
            <source>Remove from Board</source>
            <translation>Убрать с доски</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="66" />
            <location filename="../../ui/JobsPaneQueue.cpp" line="121" />
            <source>Pause &amp;Queue</source>
            <translation>&amp;Приостановить очередь</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="67" />
            <source>Send no new job until the queue is resumed</source>
            <translation>Не отправлять новые задания, пока очередь не возобновлена</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="69" />
            <location filename="../../ui/JobsPaneQueue.cpp" line="128" />
            <source>Pa&amp;use Job</source>
            <translation>Приост&amp;ановить задание</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="70" />
            <source>Keep this queued job from being sent until it is resumed</source>
            <translation>Не отправлять это задание из очереди, пока оно не возобновлено</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="72" />
            <source>Run &amp;Next</source>
            <translation>Запустить &amp;следующим</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="73" />
            <source>Send this queued job before the others</source>
            <translation>Отправить это задание раньше остальных</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="75" />
            <source>&amp;Edit…</source>
            <translation>&amp;Изменить…</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="76" />
            <source>Change this queued job in the composer; it keeps its place</source>
            <translation>Изменить задание из очереди в редакторе; его место в очереди сохранится</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="78" />
            <source>Move &amp;Earlier in Queue</source>
            <translation>Переместить в&amp;перёд в очереди</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="79" />
            <source>Send this job one place sooner</source>
            <translation>Отправить это задание на одно место раньше</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="81" />
            <source>Move &amp;Later in Queue</source>
            <translation>Переместить на&amp;зад в очереди</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="82" />
            <source>Send this job one place later</source>
            <translation>Отправить это задание на одно место позже</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="121" />
            <source>Resume &amp;Queue</source>
            <translation>&amp;Возобновить очередь</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="123" />
            <source>Send the queued jobs again</source>
            <translation>Снова отправлять задания из очереди</translation>
        </message>
        <message>
            <location filename="../../ui/JobsPaneQueue.cpp" line="128" />
            <source>Res&amp;ume Job</source>
            <translation>Возоб&amp;новить задание</translation>
        </message>
    </context>
    <context>
        <name>pixverse::LibraryFilterBar</name>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="54" />
            <source>All jobs</source>
            <translation>Все задания</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="55" />
            <source>In progress</source>
            <translation>В работе</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="58" />
            <source>Done</source>
            <translation>Готово</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="59" />
            <source>Failed</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="60" />
            <source>Moderated</source>
            <translation>Отклонено модерацией</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="61" />
            <source>Cancelled</source>
            <translation>Отменено</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="62" />
            <source>Deleted</source>
            <translation>Удалено</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="67" />
            <source>Show jobs in this state</source>
            <translation>Показать задания в этом состоянии</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="79" />
            <source>Search prompts</source>
            <translation>Поиск по промптам</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="81" />
            <source>Every word finds the prompts with a word starting with it; Esc clears</source>
            <translation>Каждое слово находит промпты со словом, которое с него начинается; Esc очищает поиск</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="96" />
            <location filename="../../ui/LibraryFilterBar.cpp" line="97" />
            <location filename="../../ui/LibraryFilterBar.cpp" line="98" />
            <source>Clear filters</source>
            <translation>Сбросить фильтры</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="108" />
            <source>Filter by mode, model, rating, tag and date</source>
            <translation>Фильтр по режиму, модели, оценке, метке и дате</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="143" />
            <source>Show jobs of this mode</source>
            <translation>Показать задания этого режима</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="144" />
            <source>Any mode</source>
            <translation>Любой режим</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="155" />
            <source>Show jobs made with this model</source>
            <translation>Показать задания этой модели</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="164" />
            <source>Show jobs rated at least this, or by their reject mark</source>
            <translation>Показать задания с оценкой не ниже этой или по отметке «отклонено»</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="165" />
            <source>Any rating</source>
            <translation>Любая оценка</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="167" />
            <source>%1+</source>
            <translation>%1+</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="168" />
            <source>Rejected only</source>
            <translation>Только отклонённые</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="169" />
            <source>Hide rejected</source>
            <translation>Скрыть отклонённые</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="178" />
            <source>Show jobs with this tag</source>
            <translation>Показать задания с этой меткой</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="179" />
            <source>Any tag</source>
            <translation>Любая метка</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="198" />
            <source>Any day</source>
            <translation>Любой день</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="203" />
            <source>Show jobs made on this day or later</source>
            <translation>Показать задания, созданные в этот день или позже</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="204" />
            <source>Show jobs made on this day or earlier</source>
            <translation>Показать задания, созданные в этот день или раньше</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="205" />
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="207" />
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="240" />
            <source>Any model</source>
            <translation>Любая модель</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="351" />
            <source>Filters (%1)</source>
            <translation>Фильтры (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="351" />
            <source>Filters</source>
            <translation>Фильтры</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="359" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/LibraryFilterBar.cpp" line="366" />
            <source>%1 of %2</source>
            <translation>%1 из %2</translation>
        </message>
    </context>
    <context>
        <name>pixverse::LipSyncDialog</name>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="34" />
            <location filename="../../ui/LipSyncDialog.cpp" line="68" />
            <source>Lip Sync</source>
            <translation>Синхронизация губ</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="36" />
            <source>Choose the Audio</source>
            <translation>Выберите аудио</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="37" />
            <source>Audio files (*.mp3 *.wav *.m4a *.aac)</source>
            <translation>Аудиофайлы (*.mp3 *.wav *.m4a *.aac)</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="39" />
            <source>The person in the video speaks a text with a voice of your choice, or the speech of an audio file.</source>
            <translation>Человек в видео произнесёт текст выбранным голосом или речь из аудиофайла.</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="44" />
            <source>Speak a &amp;text</source>
            <translation>Произнести &amp;текст</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="46" />
            <source>Use an &amp;audio file</source>
            <translation>Взять &amp;аудиофайл</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="98" />
            <source>Loading the voices…</source>
            <translation>Загрузка голосов…</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="102" />
            <source>What the person says</source>
            <translation>Что говорит человек</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="111" />
            <source>&amp;Voice:</source>
            <translation>&amp;Голос:</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="129" />
            <source>MP3 or WAV, at most 30 s and 50 MB</source>
            <translation>MP3 или WAV, не длиннее 30 с и не больше 50 МБ</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="130" />
            <source>&amp;Browse…</source>
            <translation>&amp;Обзор…</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="183" />
            <source>Reading the audio file…</source>
            <translation>Чтение аудиофайла…</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="203" />
            <source>%1 s of audio</source>
            <translation>%1 с аудио</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="243" />
            <source>UTF-8 bytes: %1</source>
            <translation>Байт в UTF-8: %1</translation>
        </message>
        <message>
            <location filename="../../ui/LipSyncDialog.cpp" line="247" />
            <source>Cost: 4 credits per second of audio, or 4 per 15 bytes of text</source>
            <translation>Стоимость: 4 кред. за секунду аудио или 4 кред. за каждые 15 байт текста</translation>
        </message>
    </context>
    <context>
        <name>pixverse::LogViewer</name>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="28" />
            <source>Logs</source>
            <translation>Журнал</translation>
        </message>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="40" />
            <source>Log</source>
            <translation>Журнал</translation>
        </message>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="44" />
            <source>&amp;Reload</source>
            <translation>&amp;Обновить</translation>
        </message>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="46" />
            <source>Open log &amp;folder</source>
            <translation>Открыть &amp;папку журнала</translation>
        </message>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="89" />
            <source>The app is not writing a log.</source>
            <translation>Приложение не ведёт журнал.</translation>
        </message>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="90" />
            <source>Reading %1…</source>
            <translation>Чтение %1…</translation>
        </message>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="102" />
            <source>The log %1 is empty.</source>
            <translation>Журнал %1 пуст.</translation>
        </message>
        <message>
            <location filename="../../ui/LogViewer.cpp" line="103" />
            <source>The end of %1</source>
            <translation>Конец файла %1</translation>
        </message>
    </context>
    <context>
        <name>pixverse::LoginDialog</name>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="37" />
            <location filename="../../ui/LoginDialog.cpp" line="41" />
            <source>Show</source>
            <translation>Показать</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="38" />
            <source>Show or hide what you typed</source>
            <translation>Показать или скрыть введённое</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="41" />
            <source>Hide</source>
            <translation>Скрыть</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="51" />
            <source>HTTP %1</source>
            <translation>HTTP %1</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="53" />
            <source>error %1</source>
            <translation>ошибка %1</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="55" />
            <source>an answer the app could not read</source>
            <translation>ответ, который приложение не смогло прочитать</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="73" />
            <location filename="../../ui/LoginDialog.cpp" line="117" />
            <source>Sign in to PixVerse</source>
            <translation>Вход в PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="102" />
            <source>This run of the app does not remember sign-ins.</source>
            <translation>В этом запуске приложение не запоминает данные входа.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="135" />
            <source>sk-…</source>
            <translation>sk-…</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="139" />
            <source>&amp;API key:</source>
            <translation>&amp;API-ключ:</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="145" />
            <source>Get a key on the PixVerse platform</source>
            <translation>Получить ключ на платформе PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="153" />
            <source>Videos made with a key are paid from the platform account's API credits.</source>
            <translation>Видео, созданные с ключом, оплачиваются API-кредитами учётной записи платформы.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="156" />
            <source>API key</source>
            <translation>API-ключ</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="165" />
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="167" />
            <source>&amp;E-mail:</source>
            <translation>&amp;Эл. почта:</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="172" />
            <source>&amp;Password:</source>
            <translation>&amp;Пароль:</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="175" />
            <source>The account of the PixVerse website. It allows one session at a time: signing in here signs you out in the browser.</source>
            <translation>Учётная запись сайта PixVerse. Она допускает только один сеанс: вход здесь завершит сеанс в браузере.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="178" />
            <source>PixVerse account</source>
            <translation>Учётная запись PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="192" />
            <source>&amp;Remember me on this computer</source>
            <translation>&amp;Запомнить меня на этом компьютере</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="195" />
            <source>Keeps the key or the session in the system keychain, never in a file.</source>
            <translation>Ключ или сеанс хранятся в системной связке ключей и никогда — в файле.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="198" />
            <source>Use the offline &amp;sandbox</source>
            <translation>Использовать офлайн-&amp;песочницу</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="201" />
            <source>A PixVerse stand-in inside the app: try everything without an account or credits.</source>
            <translation>Замена PixVerse внутри приложения: попробуйте всё без учётной записи и кредитов.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="204" />
            <source>Offline: nothing leaves this computer and no credits are spent.</source>
            <translation>Офлайн: ничего не покидает этот компьютер, кредиты не тратятся.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="219" />
            <source>Signing in</source>
            <translation>Вход</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="230" />
            <source>Sign &amp;in</source>
            <translation>&amp;Войти</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="304" />
            <source>The key %1 again, or a new one</source>
            <translation>Снова ключ %1 или новый</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="357" />
            <source>The e-mail or password is wrong.</source>
            <translation>Неверный адрес эл. почты или пароль.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="362" />
            <source>Could not reach PixVerse: it did not answer in time. Check the internet connection and try again.</source>
            <translation>Не удалось связаться с PixVerse: он не ответил вовремя. Проверьте подключение к интернету и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="365" />
            <source>Could not reach PixVerse. Check the internet connection and try again.</source>
            <translation>Не удалось связаться с PixVerse. Проверьте подключение к интернету и повторите попытку.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="367" />
            <source>PixVerse is having trouble right now (%1). Try again in a few minutes.</source>
            <translation>У PixVerse сейчас проблемы (%1). Повторите попытку через несколько минут.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="383" />
            <source>Enter the API key from the PixVerse platform.</source>
            <translation>Введите API-ключ с платформы PixVerse.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="395" />
            <source>Enter the e-mail address of the PixVerse account.</source>
            <translation>Введите адрес эл. почты учётной записи PixVerse.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="400" />
            <source>Enter the password of the PixVerse account.</source>
            <translation>Введите пароль учётной записи PixVerse.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="520" />
            <source>Your sign-in will not be remembered: %1</source>
            <translation>Данные входа не будут запомнены: %1</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="531" />
            <source>the app was started without it.</source>
            <translation>приложение запущено без этой возможности.</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="537" />
            <source>The offline sandbox could not start: %1</source>
            <translation>Не удалось запустить офлайн-песочницу: %1</translation>
        </message>
        <message>
            <location filename="../../ui/LoginDialog.cpp" line="597" />
            <source>Could not open %1 in a browser.</source>
            <translation>Не удалось открыть %1 в браузере.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::MainWindow</name>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="174" />
            <source>&amp;Settings…</source>
            <translation>&amp;Настройки…</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="182" />
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="185" />
            <source>Show &amp;Logs</source>
            <translation>Показать &amp;журнал</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="50" />
            <location filename="../../ui/MainWindow.cpp" line="414" />
            <source>PixVerse Studio</source>
            <translation>PixVerse Studio</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation type="vanished">Задания</translation>
        </message>
        <message>
            <source>Your generations appear here.</source>
            <translation type="vanished">Здесь появятся ваши генерации.</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="132" />
            <source>Create</source>
            <translation>Создание</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="164" />
            <source>&amp;Account</source>
            <translation>&amp;Учётная запись</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="166" />
            <location filename="../../ui/MainWindow.cpp" line="439" />
            <source>&amp;Sign in…</source>
            <translation>&amp;Войти…</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="168" />
            <source>Sign &amp;out</source>
            <translation>В&amp;ыйти</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="179" />
            <source>&amp;Jobs</source>
            <translation>&amp;Задания</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="209" />
            <source>Go to &amp;Prompt</source>
            <translation>Перейти к &amp;промпту</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="213" />
            <source>Go to &amp;Gallery</source>
            <translation>Перейти к &amp;галерее</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="362" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="413" />
            <source>PixVerse Studio (%1 running)</source>
            <translation>PixVerse Studio (выполняется: %1)</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="420" />
            <source>PixVerse account</source>
            <translation>Учётная запись PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="420" />
            <source>Platform API key</source>
            <translation>API-ключ платформы</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="421" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="424" />
            <source>Signed in with the e-mail and password of a PixVerse account.</source>
            <translation>Вход выполнен по адресу эл. почты и паролю учётной записи PixVerse.</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="425" />
            <source>Signed in with an API key from the PixVerse platform.</source>
            <translation>Вход выполнен по API-ключу платформы PixVerse.</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="427" />
            <source>&amp;Switch account…</source>
            <translation>&amp;Сменить учётную запись…</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="437" />
            <source>Not signed in</source>
            <translation>Вход не выполнен</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="445" />
            <source>%1 credits</source>
            <translation>Кредитов: %1</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="62" />
            <source>Gallery</source>
            <translation>Галерея</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="259" />
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="261" />
            <source>&amp;Gallery</source>
            <translation>&amp;Галерея</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="264" />
            <source>&amp;Effects</source>
            <translation>&amp;Эффекты</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="267" />
            <source>The effect templates: choose one to make a video with</source>
            <translation>Шаблоны эффектов: выберите один, чтобы сделать с ним видео</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="284" />
            <source>Effects</source>
            <translation>Эффекты</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="312" />
            <source>Effects need a PixVerse platform API key: the website's API has no list of effect templates.</source>
            <translation>Для эффектов нужен API-ключ платформы PixVerse: в API сайта нет списка шаблонов эффектов.</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindow.cpp" line="238" />
            <source>Ra&amp;ting</source>
            <translation>&amp;Оценка</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowSpending.cpp" line="60" />
            <source>Spending</source>
            <translation>Расходы</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowSpending.cpp" line="18" />
            <source>&amp;Spending</source>
            <translation>&amp;Расходы</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowSpending.cpp" line="21" />
            <source>What your videos cost: credits per day and per model, and refunds</source>
            <translation>Во что обошлись ваши видео: кредиты по дням и по моделям, возвраты</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowSpending.cpp" line="34" />
            <source>Spending saved to %1</source>
            <translation>Расходы сохранены в %1</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowSpending.cpp" line="35" />
            <source>The spending could not be saved: %1</source>
            <translation>Не удалось сохранить расходы: %1</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowSpending.cpp" line="73" />
            <source>That video is no longer in the gallery.</source>
            <translation>Этого видео больше нет в галерее.</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="13" />
            <source>Open &amp;Batch File…</source>
            <translation>Открыть &amp;файл пакета…</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="16" />
            <source>A list of prompts (.txt) or JSON Lines (.jsonl): see every job and its price before queueing them</source>
            <translation>Список промптов (.txt) или JSON Lines (.jsonl): каждое задание и его цена видны до постановки в очередь</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="19" />
            <source>Queue Image &amp;Folder…</source>
            <translation>Поставить в очередь &amp;папку изображений…</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="21" />
            <source>One image-to-video job for each image of a folder, with the composer's settings</source>
            <translation>Одно задание «изображение в видео» на каждое изображение папки, с настройками редактора</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="28" />
            <source>Queue Image Folder</source>
            <translation>Папка изображений в очередь</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="28" />
            <source>Open Batch File</source>
            <translation>Открыть файл пакета</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="38" />
            <source>Batch files (*.txt *.jsonl)</source>
            <translation>Файлы пакетов (*.txt *.jsonl)</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowBatch.cpp" line="38" />
            <source>All files (*)</source>
            <translation>Все файлы (*)</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowQueue.cpp" line="47" />
            <source>The job could not be updated: you are signed out. Your text is kept.</source>
            <translation>Не удалось обновить задание: вы вышли из аккаунта. Текст сохранён.</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowQueue.cpp" line="56" />
            <source>The queued job was updated; it keeps its place in the queue.</source>
            <translation>Задание в очереди обновлено; его место в очереди сохранено.</translation>
        </message>
        <message>
            <location filename="../../ui/MainWindowQueue.cpp" line="58" />
            <source>The job could not be updated: %1 Your text is kept; Generate makes it a new job.</source>
            <translation>Не удалось обновить задание: %1 Текст сохранён; кнопка «Сгенерировать» создаст из него новое задание.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::MediaText</name>
        <message>
            <location filename="../../core/media/LastFrame.cpp" line="157" />
            <location filename="../../core/media/LastFrame.cpp" line="160" />
            <source>The frame cannot be saved as %1: %2.</source>
            <translation>Не удаётся сохранить кадр как %1: %2.</translation>
        </message>
        <message>
            <location filename="../../core/media/LastFrame.cpp" line="175" />
            <source>%1 has no picture to take a frame from.</source>
            <translation>В %1 нет изображения, из которого можно взять кадр.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="169" />
            <source>The picture of %1 cannot be decoded (%2).</source>
            <translation>Не удаётся декодировать изображение %1 (%2).</translation>
        </message>
        <message>
            <location filename="../../core/media/ClipFrames.cpp" line="136" />
            <location filename="../../core/media/ClipReader.cpp" line="111" />
            <location filename="../../core/media/LastFrame.cpp" line="182" />
            <source>Not enough memory to decode %1.</source>
            <translation>Недостаточно памяти, чтобы декодировать %1.</translation>
        </message>
        <message>
            <location filename="../../core/media/ClipFrames.cpp" line="140" />
            <location filename="../../core/media/LastFrame.cpp" line="196" />
            <source>No frame of %1 could be decoded: the file is damaged.</source>
            <translation>Не удалось декодировать ни одного кадра %1: файл повреждён.</translation>
        </message>
        <message>
            <location filename="../../core/media/LastFrame.cpp" line="200" />
            <source>The picture of %1 cannot be converted.</source>
            <translation>Не удаётся преобразовать изображение %1.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="38" />
            <source>No file was given.</source>
            <translation>Файл не указан.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="42" />
            <source>%1 cannot be found: it may have been moved or deleted.</source>
            <translation>Не удаётся найти %1: возможно, файл перемещён или удалён.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="44" />
            <source>%1 is a folder, not a video or audio file.</source>
            <translation>%1 — это папка, а не видео- или аудиофайл.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="46" />
            <source>%1 is not a regular file.</source>
            <translation>%1 — не обычный файл.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="48" />
            <source>%1 is empty (0 bytes).</source>
            <translation>Файл %1 пуст (0 байт).</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="51" />
            <source>%1 cannot be opened: %2.</source>
            <translation>Не удаётся открыть %1: %2.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="131" />
            <source>%1 is not a video or audio file PixVerse can use (MP4, MOV or WebM video; MP3, WAV, M4A or AAC audio), or it is damaged.</source>
            <translation>%1 — не видео- или аудиофайл в формате, который принимает PixVerse (видео MP4, MOV или WebM; аудио MP3, WAV, M4A или AAC), либо файл повреждён.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="139" />
            <source>%1 is damaged: no video or audio could be read from it.</source>
            <translation>Файл %1 повреждён: из него не удалось прочитать ни видео, ни звук.</translation>
        </message>
        <message>
            <location filename="../../core/media/LibavInput.cpp" line="145" />
            <source>%1 is incomplete: the file ends before its last frames (a download or copy may have been cut short).</source>
            <translation>Файл %1 неполон: он обрывается раньше последних кадров (возможно, загрузка или копирование прервались).</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="42" />
            <source>MP3, WAV, M4A or AAC</source>
            <translation>MP3, WAV, M4A или AAC</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="44" />
            <source>MP4 or MOV</source>
            <translation>MP4 или MOV</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="50" />
            <source>MP4, MOV or WebM</source>
            <translation>MP4, MOV или WebM</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="70" />
            <source>%1 has no picture: a video (%2) is needed.</source>
            <translation>В %1 нет изображения: нужно видео (%2).</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="73" />
            <source>%1 has no sound: an audio file (%2) is needed.</source>
            <translation>В %1 нет звука: нужен аудиофайл (%2).</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="78" />
            <source>%1 is in %2 format; PixVerse takes only %3 video here.</source>
            <translation>%1 в формате %2; здесь PixVerse принимает только видео %3.</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="80" />
            <source>%1 is in %2 format; PixVerse takes only %3 audio here.</source>
            <translation>%1 в формате %2; здесь PixVerse принимает только аудио %3.</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="91" />
            <source>%1 is %2; PixVerse takes files of at most %3.</source>
            <translation>Размер %1 — %2; PixVerse принимает файлы не больше %3.</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="98" />
            <source>The video %1 is %2 s long; PixVerse extends only videos shorter than %3 s.</source>
            <translation>Видео %1 длится %2 с; PixVerse продлевает только видео короче %3 с.</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="104" />
            <source>The video %1 is %2 s long; PixVerse takes at most %3 s.</source>
            <translation>Видео %1 длится %2 с; PixVerse принимает не больше %3 с.</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="107" />
            <source>The audio %1 is %2 s long; PixVerse takes at most %3 s.</source>
            <translation>Аудио %1 длится %2 с; PixVerse принимает не больше %3 с.</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaCheck.cpp" line="112" />
            <source>The video %1 is %2 × %3 px; PixVerse takes at most %4 px on either side.</source>
            <translation>Видео %1 имеет размер %2 × %3 пикс.; PixVerse принимает не больше %4 пикс. по каждой стороне.</translation>
        </message>
        <message>
            <location filename="../../core/media/MediaProbe.cpp" line="124" />
            <source>%1 holds no video or audio that can be read.</source>
            <translation>В %1 нет видео или звука, которые можно прочитать.</translation>
        </message>
        <message>
            <location filename="../../core/media/ClipFrames.cpp" line="127" />
            <source>%1 has no video to preview.</source>
            <translation>В %1 нет видео для предпросмотра.</translation>
        </message>
        <message>
            <location filename="../../core/media/VideoMetadata.cpp" line="149" />
            <source>The prompt cannot be written into %1: only MP4 and MOV files carry it.</source>
            <translation>Промпт нельзя записать в %1: его хранят только файлы MP4 и MOV.</translation>
        </message>
        <message>
            <location filename="../../core/media/VideoMetadata.cpp" line="160" />
            <source>The prompt cannot be written into %1: %2</source>
            <translation>Промпт нельзя записать в %1: %2</translation>
        </message>
        <message>
            <location filename="../../core/media/VideoMetadata.cpp" line="170" />
            <source>The prompt cannot be written into %1: the file could not be copied (%2).</source>
            <translation>Промпт нельзя записать в %1: файл не удалось скопировать (%2).</translation>
        </message>
        <message>
            <location filename="../../core/media/VideoMetadata.cpp" line="178" />
            <source>The prompt cannot be written into %1: the file cannot be replaced.</source>
            <translation>Промпт нельзя записать в %1: файл нельзя заменить.</translation>
        </message>
        <message>
            <location filename="../../core/media/ClipReader.cpp" line="119" />
            <source>%1 has no video to play.</source>
            <translation>В %1 нет видео для воспроизведения.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::MentionPromptEdit</name>
        <message>
            <location filename="../../ui/PromptEditorMentions.cpp" line="186" />
            <source>No reference is called %1: add one with that name or change the mention.</source>
            <translation>Нет референса с именем %1: добавьте его или исправьте упоминание.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ModelCatalog</name>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="168" />
            <source>Write a prompt: it cannot be empty.</source>
            <translation>Напишите промпт: он не может быть пустым.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="173" />
            <source>The prompt has %1 characters; PixVerse accepts at most %2.</source>
            <translation>В промпте %1 симв.; PixVerse принимает не больше %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="191" />
            <source>The negative prompt has %1 characters; PixVerse accepts at most %2.</source>
            <translation>В негативном промпте %1 симв.; PixVerse принимает не больше %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="182" />
            <source>The prompt contains an invisible control character (%1); remove it.</source>
            <translation>В промпте есть невидимый управляющий символ (%1); удалите его.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="199" />
            <source>The negative prompt contains an invisible control character (%1); remove it.</source>
            <translation>В негативном промпте есть невидимый управляющий символ (%1); удалите его.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="205" />
            <source>The seed must be a whole number from 0 to %1.</source>
            <translation>Сид должен быть целым числом от 0 до %1.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="216" />
            <source>"%1" is available only with a platform API key sign-in (PixVerse documents no website request for it).</source>
            <translation>Режим «%1» доступен только при входе по API-ключу платформы (PixVerse не описывает для него запрос сайта).</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="218" />
            <source>"%1" is not available here yet.</source>
            <translation>Режим «%1» здесь пока недоступен.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="237" />
            <source>Choose a model.</source>
            <translation>Выберите модель.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="244" />
            <source>The model "%1" is not available here.</source>
            <translation>Модель «%1» здесь недоступна.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="261" />
            <source>%1 is not offered with this sign-in; choose one of: %2.</source>
            <translation>Модель %1 недоступна при таком входе; выберите одну из: %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="280" />
            <source>%1 cannot make "%2" videos here.</source>
            <translation>%1 не делает здесь видео в режиме «%2».</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="71" />
            <source>Choose the image to animate.</source>
            <translation>Выберите изображение, которое нужно оживить.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="75" />
            <source>Choose both the first and the last frame.</source>
            <translation>Выберите и первый, и последний кадр.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="84" />
            <source>Choose the video to work on: a video made with this sign-in or a video file.</source>
            <translation>Выберите видео для работы: видео, созданное под этим входом, или видеофайл.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="87" />
            <source>Use either a video on PixVerse or a video file, not both.</source>
            <translation>Укажите либо видео на PixVerse, либо видеофайл, но не то и другое сразу.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="92" />
            <source>The video is %1 seconds long; PixVerse extends only videos shorter than %2 seconds.</source>
            <translation>Длительность видео — %1 с; PixVerse продолжает только видео короче %2 с.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="98" />
            <source>The video is %1 × %2 pixels; PixVerse takes at most %3 pixels on either side.</source>
            <translation>Размер видео — %1 × %2 пикселей; PixVerse принимает не больше %3 пикселей по каждой стороне.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="114" />
            <source>Choose what the person says: an audio file, or a voice and a text.</source>
            <translation>Выберите, что говорит человек: аудиофайл или голос и текст.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="120" />
            <source>Use either an audio file or a voice with a text, not both.</source>
            <translation>Укажите либо аудиофайл, либо голос с текстом, но не то и другое сразу.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="127" />
            <source>The audio is %1 seconds long; lip sync takes at most %2 seconds.</source>
            <translation>Длительность аудио — %1 с; синхронизация губ принимает не больше %2 с.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="133" />
            <source>Write the text the voice should say.</source>
            <translation>Напишите текст, который произнесёт голос.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="135" />
            <source>Choose the voice that says the text.</source>
            <translation>Выберите голос, который произнесёт текст.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogModes.cpp" line="138" />
            <source>The text has %1 characters; lip sync takes at most %2.</source>
            <translation>Символов в тексте: %1; синхронизация губ принимает не больше %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="284" />
            <source>%1 makes videos of %2 to %3 seconds.</source>
            <translation>%1 делает видео длиной от %2 до %3 секунд.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="288" />
            <source>%1 cannot make %2-second videos.</source>
            <translation>%1 не умеет делать видео длиной %2 с.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="290" />
            <source>Choose a quality.</source>
            <translation>Выберите качество.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="293" />
            <source>%1 does not offer the quality %2.</source>
            <translation>%1 не предлагает качество %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="296" />
            <source>Choose an aspect ratio.</source>
            <translation>Выберите соотношение сторон.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="299" />
            <source>%1 does not offer the aspect ratio %2.</source>
            <translation>%1 не предлагает соотношение сторон %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="306" />
            <source>%1 does not offer the %2 motion mode.</source>
            <translation>%1 не предлагает режим движения %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="311" />
            <source>%1 does not take a style.</source>
            <translation>%1 не принимает стиль.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="314" />
            <source>Unknown style "%1".</source>
            <translation>Неизвестный стиль «%1».</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="329" />
            <source>"%1" works only for text- and image-to-video.</source>
            <translation>«%1» работает только для видео из текста и из изображения.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="340" />
            <source>%1 has no "%2" option.</source>
            <translation>У %1 нет параметра «%2».</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="336" />
            <source>"%1" is available only when signed in with a PixVerse account.</source>
            <translation>«%1» доступно только при входе с учётной записью PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="354" />
            <source>Unknown setting "%1".</source>
            <translation>Неизвестный параметр «%1».</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation type="vanished">Звук</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="116" />
            <source>Choose an effect template.</source>
            <translation>Выберите шаблон эффекта.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="136" />
            <source>Add at least one subject or background.</source>
            <translation>Добавьте хотя бы один объект или фон.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="144" />
            <source>%1 takes at most %2 references; remove %3.</source>
            <translation>%1: референсов может быть не больше %2; уберите лишние (%3).</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="150" />
            <source>%1 takes at most %2 subjects.</source>
            <translation>%1: объектов может быть не больше %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="153" />
            <source>%1 takes at most %2 backgrounds.</source>
            <translation>%1: фонов может быть не больше %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="159" />
            <source>"%1" takes no style.</source>
            <translation>Режим «%1» не принимает стиль.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="162" />
            <source>"%1" takes no camera movement.</source>
            <translation>Режим «%1» не принимает движение камеры.</translation>
        </message>
        <message numerus="yes">
            <source>This effect takes %n images; add %1 more.</source>
            <translation type="vanished">
                <numerusform>Этому эффекту нужно %n изображение; добавьте ещё %1.</numerusform>
                <numerusform>Этому эффекту нужно %n изображения; добавьте ещё %1.</numerusform>
                <numerusform>Этому эффекту нужно %n изображений; добавьте ещё %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This effect takes %n images; remove %1.</source>
            <translation type="vanished">
                <numerusform>Этому эффекту нужно %n изображение; уберите %1.</numerusform>
                <numerusform>Этому эффекту нужно %n изображения; уберите %1.</numerusform>
                <numerusform>Этому эффекту нужно %n изображений; уберите %1.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="33" />
            <source>This effect makes its video from the prompt alone; remove the images.</source>
            <translation>Этот эффект создаёт видео только по промпту; уберите изображения.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="36" />
            <source>Choose the image for this effect.</source>
            <translation>Выберите изображение для этого эффекта.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="39" />
            <source>This effect takes one image; remove the others.</source>
            <translation>Этот эффект принимает одно изображение; уберите остальные.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="42" />
            <source>This effect takes %1 images; add %2 more.</source>
            <translation>Изображений для этого эффекта: %1; добавьте ещё %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="45" />
            <source>This effect takes %1 images; remove %2.</source>
            <translation>Изображений для этого эффекта: %1; уберите лишние (%2).</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="58" />
            <source>Give the reference %1 a name: the prompt refers to it as @name.</source>
            <translation>Дайте референсу %1 имя: промпт ссылается на него как на @имя.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="64" />
            <source>The reference name "%1" cannot be used: a name has up to %2 bytes of letters, digits, _ and -.</source>
            <translation>Имя референса «%1» не подходит: имя — это до %2 байт из букв, цифр, _ и -.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="74" />
            <source>Two references are called "%1": give each its own name.</source>
            <translation>Два референса называются «%1»: дайте каждому своё имя.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="102" />
            <source>The prompt mentions @%1, but no reference has that name.</source>
            <translation>Промпт упоминает @%1, но референса с таким именем нет.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogReferences.cpp" line="103" />
            <source>The prompt mentions @%1, but the reference is called @%2: write the name exactly.</source>
            <translation>Промпт упоминает @%1, но референс называется @%2: напишите имя в точности.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="135" />
            <source>%1 does not take a camera movement.</source>
            <translation>%1 не принимает движение камеры.</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="137" />
            <source>Unknown camera movement "%1".</source>
            <translation>Неизвестное движение камеры «%1».</translation>
        </message>
        <message>
            <location filename="../../core/generation/ModelCatalogRules.cpp" line="139" />
            <source>The camera movement "%1" works only for text-to-video.</source>
            <translation>Движение камеры «%1» работает только для видео из текста.</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>Sound</source>
            <translation>Звук</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>Multi-shot</source>
            <translation>Несколько планов</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>Off-peak (cheaper, slower)</source>
            <translation>Вне пиковых часов (дешевле, медленнее)</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>1080p videos can be at most 5 seconds long on this model.</source>
            <translation>Видео 1080p на этой модели могут длиться не больше 5 секунд.</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>1080p videos can be at most 8 seconds long on this model.</source>
            <translation>На этой модели видео 1080p может длиться не больше 8 секунд.</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>1080p videos can only be 5 seconds long on this model.</source>
            <translation>На этой модели видео 1080p может длиться только 5 секунд.</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>Fast motion works only with 5-second videos.</source>
            <translation>Быстрое движение работает только с видео длиной 5 секунд.</translation>
        </message>
        <message>
            <location filename="../models.json" />
            <source>Fast motion is not available in 1080p.</source>
            <translation>Быстрое движение недоступно в 1080p.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::OpenApiBackend</name>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="105" />
            <source>The image to animate has not been uploaded.</source>
            <translation>Изображение для анимации не загружено.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="111" />
            <source>The first and the last frame have not both been uploaded.</source>
            <translation>Первый и последний кадры загружены не оба.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="124" />
            <source>"%1" cannot be sent yet.</source>
            <translation>Режим «%1» пока нельзя отправить.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="136" />
            <source>There is no video to work on: neither a video on PixVerse nor an uploaded file.</source>
            <translation>Нет видео для работы: ни видео на PixVerse, ни загруженного файла.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="153" />
            <source>The audio file has not been uploaded.</source>
            <translation>Аудиофайл не загружен.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="155" />
            <source>Lip sync needs an audio file, or a voice and a text.</source>
            <translation>Для синхронизации губ нужен аудиофайл или голос и текст.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="167" />
            <location filename="../../core/backend/OpenApiBackendEffects.cpp" line="91" />
            <source>multipart upload of the image %1</source>
            <translation>загрузка изображения %1 (multipart)</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="173" />
            <source>multipart upload of the video %1</source>
            <translation>загрузка видео %1 (multipart)</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackend.cpp" line="174" />
            <source>multipart upload of the audio %1</source>
            <translation>загрузка аудио %1 (multipart)</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackendEffects.cpp" line="42" />
            <source>The template list is read in pages of 10, 20, 50 or 100, from page 1.</source>
            <translation>Список шаблонов читается страницами по 10, 20, 50 или 100 шаблонов, начиная с первой.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackendEffects.cpp" line="57" />
            <source>No effect template is chosen.</source>
            <translation>Шаблон эффекта не выбран.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackendEffects.cpp" line="64" />
            <source>The effect's images have not all been uploaded.</source>
            <translation>Не все изображения эффекта загружены.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackendEffects.cpp" line="70" />
            <source>Reference to video needs at least one subject or background.</source>
            <translation>Для видео по референсам нужен хотя бы один объект или фон.</translation>
        </message>
        <message>
            <location filename="../../core/backend/OpenApiBackendEffects.cpp" line="73" />
            <source>The references have not all been uploaded.</source>
            <translation>Не все референсы загружены.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::PreparedImage</name>
        <message>
            <location filename="../../core/generation/PreparedImage.cpp" line="58" />
            <source>Cannot keep a copy of the image in “%1”: %2.</source>
            <translation>Не удаётся сохранить копию изображения в «%1»: %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/PreparedImage.cpp" line="72" />
            <source>%1 is %2; PixVerse accepts images under %3.</source>
            <translation>Размер %1 — %2; PixVerse принимает изображения меньше %3.</translation>
        </message>
        <message>
            <location filename="../../core/generation/PreparedImage.cpp" line="77" />
            <source>%1 cannot be opened: %2.</source>
            <translation>Не удаётся открыть %1: %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/PreparedImage.cpp" line="88" />
            <source>%1 is not a %2 image.</source>
            <translation>%1 — не изображение %2.</translation>
        </message>
        <message>
            <location filename="../../core/generation/PreparedImage.cpp" line="91" />
            <source>%1 cannot be read as an image.</source>
            <translation>%1 не удаётся прочитать как изображение.</translation>
        </message>
        <message>
            <location filename="../../core/generation/PreparedImage.cpp" line="105" />
            <source>%1 cannot be read: %2.</source>
            <translation>Не удаётся прочитать %1: %2.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::PreparedMedia</name>
        <message>
            <location filename="../../core/backend/PreparedMedia.cpp" line="48" />
            <source>%1 is not an MP4, MOV or WebM video.</source>
            <translation>%1 — не видео MP4, MOV или WebM.</translation>
        </message>
        <message>
            <location filename="../../core/backend/PreparedMedia.cpp" line="49" />
            <source>%1 is not an MP3, WAV, M4A or AAC audio file.</source>
            <translation>%1 — не аудиофайл MP3, WAV, M4A или AAC.</translation>
        </message>
        <message>
            <location filename="../../core/backend/PreparedMedia.cpp" line="52" />
            <source>%1 cannot be opened: %2.</source>
            <translation>Не удаётся открыть %1: %2.</translation>
        </message>
        <message>
            <location filename="../../core/backend/PreparedMedia.cpp" line="55" />
            <source>%1 is empty.</source>
            <translation>Файл %1 пуст.</translation>
        </message>
        <message>
            <location filename="../../core/backend/PreparedMedia.cpp" line="57" />
            <source>%1 is %2; PixVerse accepts video and audio files up to %3.</source>
            <translation>Размер %1 — %2; PixVerse принимает видео- и аудиофайлы до %3.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::PreviewCache</name>
        <message>
            <location filename="../../core/effects/PreviewCache.cpp" line="214" />
            <source>The effect has no usable preview address.</source>
            <translation>У эффекта нет пригодного адреса превью.</translation>
        </message>
        <message>
            <location filename="../../core/effects/PreviewCache.cpp" line="215" />
            <source>Previews cannot be downloaded without a network.</source>
            <translation>Без сети превью загрузить нельзя.</translation>
        </message>
        <message>
            <location filename="../../core/effects/PreviewCache.cpp" line="231" />
            <source>The preview could not be downloaded: %1</source>
            <translation>Не удалось загрузить превью: %1</translation>
        </message>
        <message>
            <location filename="../../core/effects/PreviewCache.cpp" line="241" />
            <source>The preview is not a video or a picture.</source>
            <translation>Превью не является ни видео, ни изображением.</translation>
        </message>
        <message>
            <location filename="../../core/effects/PreviewCache.cpp" line="245" />
            <source>The preview is larger than the whole preview cache.</source>
            <translation>Превью больше, чем весь кэш превью.</translation>
        </message>
        <message>
            <location filename="../../core/effects/PreviewCache.cpp" line="289" />
            <source>The preview could not be saved: %1</source>
            <translation>Не удалось сохранить превью: %1</translation>
        </message>
    </context>
    <context>
        <name>pixverse::PreviewPlayer</name>
        <message>
            <location filename="../../ui/PreviewPlayer.cpp" line="35" />
            <source>This effect has no preview clip.</source>
            <translation>У этого эффекта нет видео для предпросмотра.</translation>
        </message>
        <message>
            <location filename="../../ui/PreviewPlayer.cpp" line="96" />
            <source>The preview clip cannot be played.</source>
            <translation>Не удаётся воспроизвести видео предпросмотра.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::PriceQuote</name>
        <message>
            <location filename="../../core/generation/PriceQuote.cpp" line="29" />
            <source>no price</source>
            <translation>цена неизвестна</translation>
        </message>
        <message>
            <location filename="../../core/generation/PriceQuote.cpp" line="32" />
            <source>≤ %1 credits</source>
            <translation>≤ %1 кредитов</translation>
        </message>
        <message>
            <location filename="../../core/generation/PriceQuote.cpp" line="34" />
            <source>about %1 credits</source>
            <translation>около %1 кредитов</translation>
        </message>
        <message>
            <location filename="../../core/generation/PriceQuote.cpp" line="35" />
            <source>%1 credits</source>
            <translation>%1 кредитов</translation>
        </message>
    </context>
    <context>
        <name>pixverse::PromptEditor</name>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="57" />
            <source>&amp;Prompt</source>
            <translation>&amp;Промпт</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="68" />
            <source>&amp;Recent</source>
            <translation>Н&amp;едавние</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="70" />
            <source>Reuse one of your last prompts</source>
            <translation>Взять один из последних промптов</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="83" />
            <source>Describe the video: the subject, what happens, the camera, the light…</source>
            <translation>Опишите видео: кто или что в кадре, что происходит, камера, свет…</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="94" />
            <source>&amp;Negative prompt</source>
            <translation>&amp;Негативный промпт</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="105" />
            <source>What to keep out of the video (optional)</source>
            <translation>Чего не должно быть в видео (необязательно)</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation type="vanished">&amp;Модель</translation>
        </message>
        <message>
            <source>&amp;Duration</source>
            <translation type="vanished">&amp;Длительность</translation>
        </message>
        <message>
            <source>&amp;Quality</source>
            <translation type="vanished">&amp;Качество</translation>
        </message>
        <message>
            <source>&amp;Aspect ratio</source>
            <translation type="vanished">&amp;Соотношение сторон</translation>
        </message>
        <message>
            <source>M&amp;otion</source>
            <translation type="vanished">Дви&amp;жение</translation>
        </message>
        <message>
            <source>St&amp;yle</source>
            <translation type="vanished">С&amp;тиль</translation>
        </message>
        <message>
            <source>&amp;Camera</source>
            <translation type="vanished">Камер&amp;а</translation>
        </message>
        <message>
            <source>The shape of the video. With an image, the image decides it.</source>
            <translation type="vanished">Форма кадра. Если есть изображение, форму задаёт оно.</translation>
        </message>
        <message>
            <source>S&amp;eed</source>
            <translation type="vanished">С&amp;ид</translation>
        </message>
        <message>
            <source>Fixed</source>
            <translation type="vanished">Фиксированный</translation>
        </message>
        <message>
            <source>Unchecked: a new random seed each time. Checked: the same seed, for repeatable results.</source>
            <translation type="vanished">Не отмечено: каждый раз новый случайный сид. Отмечено: один и тот же сид для повторяемых результатов.</translation>
        </message>
        <message>
            <source>⚄ Roll</source>
            <translation type="vanished">⚄ Бросить</translation>
        </message>
        <message>
            <source>Roll a random seed and keep it</source>
            <translation type="vanished">Выбросить случайный сид и закрепить его</translation>
        </message>
        <message>
            <source>Roll a random seed</source>
            <translation type="vanished">Выбросить случайный сид</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="145" />
            <location filename="../../ui/PromptEditorEdit.cpp" line="65" />
            <source>&amp;Generate</source>
            <translation>С&amp;генерировать</translation>
        </message>
        <message>
            <source>%1 has one motion mode.</source>
            <translation type="vanished">У %1 только один режим движения.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="353" />
            <source>Wait: the image is still being checked.</source>
            <translation>Подождите: изображение ещё проверяется.</translation>
        </message>
        <message>
            <source>Add an image to animate, or remove it to generate from the prompt alone.</source>
            <translation type="vanished">Добавьте изображение для анимации или уберите его, чтобы создать видео только по промпту.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="369" />
            <source>Not enough credits: this video costs %1 and the balance is %2.</source>
            <translation>Недостаточно кредитов: это видео стоит %1, а на балансе %2.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="392" />
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="394" />
            <source>%1 characters over the limit of %2.</source>
            <translation>На %1 симв. больше лимита (%2).</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="395" />
            <source>Characters, as PixVerse counts them (at most %1).</source>
            <translation>Символы в подсчёте PixVerse (не больше %1).</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="53" />
            <source>Cost: %1 credits/s with sound × %2 s = %3 credits</source>
            <translation>Стоимость: %1 кред./с со звуком × %2 с = %3 кред.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="57" />
            <source>Cost: %1 credits/s × %2 s = %3 credits</source>
            <translation>Стоимость: %1 кред./с × %2 с = %3 кред.</translation>
        </message>
        <message>
            <source>Cost: %1 credits</source>
            <translation type="vanished">Стоимость: %1 кред.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="49" />
            <source>Cost: no price for these settings</source>
            <translation>Стоимость: для этих параметров цены нет</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="82" />
            <source>Balance after: %1 credits (of %2; %3 for the queue)</source>
            <translation>Останется: %1 кред. (из %2; %3 — на очередь)</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="90" />
            <source>Balance: %1 credits (%2 for the queue)</source>
            <translation>Баланс: %1 кред. (%2 — на очередь)</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="93" />
            <source>Balance: %1 credits</source>
            <translation>Баланс: %1 кред.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="80" />
            <source>Balance: unknown</source>
            <translation>Баланс: неизвестен</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="357" />
            <source>Add an image to animate, or choose text to video to generate from the prompt alone.</source>
            <translation>Добавьте изображение для анимации или выберите «Текст в видео», чтобы создать видео только по промпту.</translation>
        </message>
        <message>
            <source>(estimate)</source>
            <translation type="vanished">(оценка)</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="70" />
            <source>The PixVerse website works out its own price when the video is made; this estimate uses the platform's published rates.</source>
            <translation>Сайт PixVerse рассчитывает цену сам, когда создаёт видео; эта оценка сделана по опубликованным тарифам платформы.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="87" />
            <source>Balance after: %1 credits (of %2)</source>
            <translation>Останется: %1 кред. (из %2)</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="415" />
            <source>Generate the video (Ctrl+Enter)</source>
            <translation>Сгенерировать видео (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="499" />
            <source>No recent prompts yet</source>
            <translation>Недавних промптов пока нет</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="502" />
            <source>Clear recent prompts</source>
            <translation>Очистить недавние промпты</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation type="vanished">%1 с</translation>
        </message>
        <message>
            <source>360p (Turbo)</source>
            <translation type="vanished">360p (Turbo)</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation type="vanished">Обычное</translation>
        </message>
        <message>
            <source>Fast</source>
            <translation type="vanished">Быстрое</translation>
        </message>
        <message>
            <source>Anime</source>
            <translation type="vanished">Аниме</translation>
        </message>
        <message>
            <source>3D animation</source>
            <translation type="vanished">3D-анимация</translation>
        </message>
        <message>
            <source>Day</source>
            <translation type="vanished">День</translation>
        </message>
        <message>
            <source>Cyberpunk</source>
            <translation type="vanished">Киберпанк</translation>
        </message>
        <message>
            <source>Comic</source>
            <translation type="vanished">Комикс</translation>
        </message>
        <message>
            <source>Horizontal left</source>
            <translation type="vanished">Горизонтально влево</translation>
        </message>
        <message>
            <source>Horizontal right</source>
            <translation type="vanished">Горизонтально вправо</translation>
        </message>
        <message>
            <source>Vertical up</source>
            <translation type="vanished">Вертикально вверх</translation>
        </message>
        <message>
            <source>Vertical down</source>
            <translation type="vanished">Вертикально вниз</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation type="vanished">Приближение</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation type="vanished">Отдаление</translation>
        </message>
        <message>
            <source>Auto camera</source>
            <translation type="vanished">Автокамера</translation>
        </message>
        <message>
            <source>Crane up</source>
            <translation type="vanished">Кран вверх</translation>
        </message>
        <message>
            <source>Quickly zoom in</source>
            <translation type="vanished">Быстрое приближение</translation>
        </message>
        <message>
            <source>Quickly zoom out</source>
            <translation type="vanished">Быстрое отдаление</translation>
        </message>
        <message>
            <source>Smooth zoom in</source>
            <translation type="vanished">Плавное приближение</translation>
        </message>
        <message>
            <source>Camera rotation</source>
            <translation type="vanished">Вращение камеры</translation>
        </message>
        <message>
            <source>Robo arm</source>
            <translation type="vanished">Роборука</translation>
        </message>
        <message>
            <source>Super dolly out</source>
            <translation type="vanished">Супер-отъезд</translation>
        </message>
        <message>
            <source>Whip pan</source>
            <translation type="vanished">Резкая панорама</translation>
        </message>
        <message>
            <source>Hitchcock</source>
            <translation type="vanished">Эффект Хичкока</translation>
        </message>
        <message>
            <source>Left follow</source>
            <translation type="vanished">Следование слева</translation>
        </message>
        <message>
            <source>Right follow</source>
            <translation type="vanished">Следование справа</translation>
        </message>
        <message>
            <source>Pan left</source>
            <translation type="vanished">Панорама влево</translation>
        </message>
        <message>
            <source>Pan right</source>
            <translation type="vanished">Панорама вправо</translation>
        </message>
        <message>
            <source>Fixed background</source>
            <translation type="vanished">Неподвижный фон</translation>
        </message>
        <message>
            <source>None</source>
            <translation type="vanished">Нет</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="355" />
            <source>Wait: the file is still being checked.</source>
            <translation>Подождите: файл ещё проверяется.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorEffects.cpp" line="103" />
            <source>Not named in the prompt: %1. The video may leave them out.</source>
            <translation>Не названы в промпте: %1. В видео их может не оказаться.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/PromptEditor.cpp" line="365" />
            <source>Not enough credits: these %n takes cost %1 and the balance is %2.</source>
            <translation>
                <numerusform>Недостаточно кредитов: %n дубль стоит %1, а на балансе %2.</numerusform>
                <numerusform>Недостаточно кредитов: %n дубля стоят %1, а на балансе %2.</numerusform>
                <numerusform>Недостаточно кредитов: %n дублей стоят %1, а на балансе %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/PromptEditor.cpp" line="414" />
            <source>Generate %n takes (Ctrl+Enter)</source>
            <translation>
                <numerusform>Сгенерировать %n дубль (Ctrl+Enter)</numerusform>
                <numerusform>Сгенерировать %n дубля (Ctrl+Enter)</numerusform>
                <numerusform>Сгенерировать %n дублей (Ctrl+Enter)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorTakes.cpp" line="16" />
            <source>Takes</source>
            <translation>Дубли</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorTakes.cpp" line="17" />
            <source>How many takes Generate makes, up to %1: each is a video of its own, priced in full. With a fixed seed, each take uses the next seed.</source>
            <translation>Сколько дублей делает «Сгенерировать», до %1: каждый дубль — отдельное видео по полной цене. С фиксированным сидом каждый следующий дубль берёт следующий сид.</translation>
        </message>
        <message numerus="yes">
            <source>Cost: %n takes · %1 credits (%2 each)</source>
            <translation type="vanished">
                <numerusform>Стоимость: %n дубль · %1 кред. (по %2)</numerusform>
                <numerusform>Стоимость: %n дубля · %1 кред. (по %2)</numerusform>
                <numerusform>Стоимость: %n дублей · %1 кред. (по %2)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="61" />
            <source>Cost: %1</source>
            <translation>Стоимость: %1</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="65" />
            <source>A promotion is running on the PixVerse website, so this video may cost less: this is its price without any discount.</source>
            <translation>На сайте PixVerse идёт акция, поэтому видео может обойтись дешевле: это его цена без скидок.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorPrice.cpp" line="73" />
            <source>The PixVerse website's own price for these settings.</source>
            <translation>Цена сайта PixVerse для этих настроек по его собственным формулам.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/PromptEditorTakes.cpp" line="44" />
            <source>Cost: %n takes · %1 (%2 each)</source>
            <translation>
                <numerusform>Стоимость: %n дубль · %1 (по %2)</numerusform>
                <numerusform>Стоимость: %n дубля · %1 (по %2)</numerusform>
                <numerusform>Стоимость: %n дублей · %1 (по %2)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditor.cpp" line="412" />
            <source>Update the queued job (Ctrl+Enter)</source>
            <translation>Обновить задание в очереди (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorEdit.cpp" line="21" />
            <source>Cancel Edit</source>
            <translation>Отменить правку</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorEdit.cpp" line="23" />
            <source>Leave the queued job as it was</source>
            <translation>Оставить задание в очереди как было</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorEdit.cpp" line="33" />
            <source>Editing the queued job “%1”: it waits until you update it (it keeps its place in the queue) or cancel the edit.</source>
            <translation>Правка задания из очереди «%1»: оно ждёт, пока вы его не обновите (место в очереди сохранится) или не отмените правку.</translation>
        </message>
        <message>
            <location filename="../../ui/PromptEditorEdit.cpp" line="65" />
            <source>&amp;Update Job</source>
            <translation>&amp;Обновить задание</translation>
        </message>
    </context>
    <context>
        <name>pixverse::QueueBanner</name>
        <message>
            <location filename="../../ui/QueueBanner.cpp" line="41" />
            <source>&amp;Resume</source>
            <translation>&amp;Возобновить</translation>
        </message>
        <message>
            <location filename="../../ui/QueueBanner.cpp" line="43" />
            <source>Send the queued jobs again (Ctrl+Shift+P)</source>
            <translation>Снова отправлять задания из очереди (Ctrl+Shift+P)</translation>
        </message>
        <message>
            <location filename="../../ui/QueueBanner.cpp" line="107" />
            <source>Queue paused · 1 job waiting</source>
            <translation>Очередь приостановлена · ждёт 1 задание</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/QueueBanner.cpp" line="108" />
            <source>Queue paused · %n jobs waiting</source>
            <translation>
                <numerusform>Очередь приостановлена · ждёт %n задание</numerusform>
                <numerusform>Очередь приостановлена · ждут %n задания</numerusform>
                <numerusform>Очередь приостановлена · ждут %n заданий</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/QueueBanner.cpp" line="122" />
            <source>Waiting for %1 (run window)</source>
            <translation>Ожидание до %1 (окно запуска)</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ReferencesStrip</name>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="29" />
            <source>Background</source>
            <translation>Фон</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="30" />
            <source>Subject</source>
            <translation>Объект</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="42" />
            <source>References</source>
            <translation>Референсы</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="48" />
            <source>Add the people, animals or objects to show (subjects) and the place (background); the prompt calls each by its name, as @name.</source>
            <translation>Добавьте людей, животных или предметы, которых надо показать (объекты), и место действия (фон); в промпте каждый называется по имени: @имя.</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="57" />
            <source>Add &amp;subject</source>
            <translation>Добавить &amp;объект</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="59" />
            <source>Add bac&amp;kground</source>
            <translation>Добавить &amp;фон</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="117" />
            <source>%1 &amp;name</source>
            <translation>%1: &amp;имя</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="120" />
            <source>The prompt calls this reference @name: letters, digits, _ and -, at most %1 bytes.</source>
            <translation>В промпте этот референс называется @имя: буквы, цифры, _ и -, не больше %1 байт.</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="126" />
            <source>Remove</source>
            <translation>Убрать</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="127" />
            <source>Remove this reference</source>
            <translation>Убрать этот референс</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="148" />
            <source>The place the video happens in: drop an image here, paste it, or</source>
            <translation>Место действия видео: перетащите сюда изображение, вставьте его или нажмите</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="150" />
            <source>Someone or something to show: drop an image here, paste it, or</source>
            <translation>Кого или что показать: перетащите сюда изображение, вставьте его или нажмите</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="202" />
            <source>Give this reference a name: the prompt calls it @name.</source>
            <translation>Дайте референсу имя: в промпте он называется @имя.</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="204" />
            <source>Not a usable name: letters, digits, _ and - only, at most %1 bytes.</source>
            <translation>Такое имя не подходит: только буквы, цифры, _ и -, не больше %1 байт.</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="207" />
            <source>Another reference is called %1 too: each needs its own name.</source>
            <translation>Другой референс тоже называется %1: у каждого должно быть своё имя.</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="247" />
            <source>Add someone or something to show, called by its name in the prompt</source>
            <translation>Добавить, кого или что показать; в промпте он называется по имени</translation>
        </message>
        <message>
            <location filename="../../ui/ReferencesStrip.cpp" line="249" />
            <source>Add the place the video happens in, called by its name in the prompt</source>
            <translation>Добавить место действия; в промпте оно называется по имени</translation>
        </message>
    </context>
    <context>
        <name>pixverse::Session</name>
        <message>
            <location filename="../../core/auth/Session.cpp" line="58" />
            <source>Enter the API key from the PixVerse platform.</source>
            <translation>Введите API-ключ с платформы PixVerse.</translation>
        </message>
        <message>
            <location filename="../../core/auth/Session.cpp" line="81" />
            <source>Enter the e-mail and the password of the PixVerse account.</source>
            <translation>Введите адрес эл. почты и пароль учётной записи PixVerse.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::SettingsDialog</name>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="50" />
            <source>Library folder</source>
            <translation>Папка библиотеки</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="54" />
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="81" />
            <source>&amp;General</source>
            <translation>&amp;Общие</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="82" />
            <source>New &amp;videos</source>
            <translation>&amp;Новые видео</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="83" />
            <source>&amp;Network</source>
            <translation>&amp;Сеть</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="154" />
            <source>Where finished videos are saved.</source>
            <translation>Куда сохраняются готовые видео.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="155" />
            <source>&amp;Browse…</source>
            <translation>&amp;Обзор…</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="163" />
            <source>&amp;Library folder:</source>
            <translation>&amp;Папка библиотеки:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="171" />
            <source>How many videos PixVerse Studio asks for at the same time; the rest wait in the queue. Your PixVerse plan may allow fewer.</source>
            <translation>Сколько видео PixVerse Studio заказывает одновременно; остальные ждут в очереди. Ваш тариф PixVerse может разрешать меньше.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="173" />
            <source>&amp;Videos at once:</source>
            <translation>&amp;Видео одновременно:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="177" />
            <source>System default</source>
            <translation>Как в системе</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="181" />
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="182" />
            <source>A new language is used from the next start.</source>
            <translation>Новый язык будет использоваться со следующего запуска.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="184" />
            <source>Use the offline &amp;sandbox instead of PixVerse</source>
            <translation>Использовать офлайн-песо&amp;чницу вместо PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="186" />
            <source>A local stand-in for PixVerse: try everything without an account, credits or a network. Used from the next sign-in.</source>
            <translation>Локальная замена PixVerse: пробуйте всё без учётной записи, кредитов и сети. Действует со следующего входа.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="190" />
            <source>&amp;Remember me when signing in</source>
            <translation>&amp;Запоминать меня при входе</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="192" />
            <source>Whether the sign-in dialog offers to keep you signed in, with the secret kept in the system keychain.</source>
            <translation>Предлагать ли в окне входа сохранить вход; секрет хранится в системной связке ключей.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="204" />
            <source>What a new video starts with. Each video can still change them.</source>
            <translation>С чего начинается новое видео. У каждого видео их можно изменить.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="215" />
            <source>&amp;Model:</source>
            <translation>&amp;Модель:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="216" />
            <source>&amp;Duration:</source>
            <translation>&amp;Длительность:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="217" />
            <source>&amp;Quality:</source>
            <translation>&amp;Качество:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="218" />
            <source>&amp;Aspect ratio:</source>
            <translation>Соотношение с&amp;торон:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="219" />
            <source>M&amp;otion:</source>
            <translation>Дви&amp;жение:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="240" />
            <source>Use the system proxy settings</source>
            <translation>Системные настройки прокси</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="242" />
            <source>No proxy</source>
            <translation>Без прокси</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="243" />
            <source>HTTP proxy</source>
            <translation>HTTP-прокси</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="244" />
            <source>SOCKS5 proxy</source>
            <translation>SOCKS5-прокси</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="246" />
            <source>&amp;Proxy:</source>
            <translation>&amp;Прокси:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="250" />
            <source>proxy.example.com</source>
            <translation>proxy.example.com</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="251" />
            <source>&amp;Host:</source>
            <translation>&amp;Хост:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="255" />
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="256" />
            <source>P&amp;ort:</source>
            <translation>По&amp;рт:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="259" />
            <location filename="../../ui/SettingsDialog.cpp" line="265" />
            <source>optional</source>
            <translation>необязательно</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="260" />
            <source>&amp;User name:</source>
            <translation>&amp;Имя пользователя:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="266" />
            <source>Kept in the system keychain, never in the settings file.</source>
            <translation>Хранится в системной связке ключей и никогда — в файле настроек.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="267" />
            <source>Pass&amp;word:</source>
            <translation>П&amp;ароль:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="298" />
            <source>saved in the keychain</source>
            <translation>сохранён в связке ключей</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="326" />
            <source>%1 s</source>
            <translation>%1 с</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="336" />
            <source>Normal</source>
            <translation>Обычное</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="337" />
            <source>Fast</source>
            <translation>Быстрое</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="382" />
            <source>Choose a library folder for the finished videos.</source>
            <translation>Выберите папку библиотеки для готовых видео.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="386" />
            <source>The library folder must be a full path, such as %1.</source>
            <translation>Папка библиотеки должна быть указана полным путём, например %1.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="401" />
            <source>Enter the host name or address of the proxy.</source>
            <translation>Введите имя хоста или адрес прокси.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="405" />
            <source>“%1” is not a host name: enter a name or an address only, such as proxy.example.com.</source>
            <translation>«%1» — не имя хоста: введите только имя или адрес, например proxy.example.com.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="412" />
            <source>Enter the port of the proxy, a number from 1 to 65535.</source>
            <translation>Введите порт прокси — число от 1 до 65535.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsDialog.cpp" line="88" />
            <source>&amp;Queue</source>
            <translation>&amp;Очередь</translation>
        </message>
    </context>
    <context>
        <name>pixverse::SettingsQueuePage</name>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="46" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="48" />
            <source>&amp;Run only between</source>
            <translation>&amp;Запускать только с</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="50" />
            <source>Outside these hours no new job is sent; jobs already sent go on. An end before the start spans midnight.</source>
            <translation>Вне этих часов новые задания не отправляются; уже отправленные продолжаются. Конец раньше начала — окно через полночь.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="54" />
            <source>and</source>
            <translation>до</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="57" />
            <source>Spending</source>
            <translation>Расходы</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="59" />
            <source>Stop the queue after spending, per &amp;day:</source>
            <translation>Останавливать очередь после трат за &amp;день:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="63" />
            <source>… per &amp;session (since the app started):</source>
            <translation>… за &amp;сеанс (с запуска приложения):</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="68" />
            <source>Before a job would go over a cap the queue pauses and says so; Resume sends it anyway. Refunds count back.</source>
            <translation>Прежде чем задание превысит лимит, очередь приостанавливается и сообщает об этом; «Возобновить» всё равно отправит его. Возвраты вычитаются из трат.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="72" />
            <source>Hot folder</source>
            <translation>Папка наблюдения</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="78" />
            <source>B&amp;rowse…</source>
            <translation>О&amp;бзор…</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="86" />
            <source>&amp;Folder:</source>
            <translation>&amp;Папка:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="89" />
            <source>&amp;Watch this folder</source>
            <translation>&amp;Следить за этой папкой</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="91" />
            <source>Each image, prompt list (.txt) or JSON Lines file put there becomes jobs with the default settings; done files move to “done”.</source>
            <translation>Каждое изображение, список промптов (.txt) или файл JSON Lines, положенный туда, становится заданиями с настройками по умолчанию; обработанные файлы переносятся в «done».</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="94" />
            <source>Its jobs spend at most, per d&amp;ay:</source>
            <translation>Её задания тратят не больше, за д&amp;ень:</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="114" />
            <source> credits</source>
            <translation> кредитов</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="139" />
            <source>The run window starts and ends at the same time: choose two different times, or turn it off to run at any time.</source>
            <translation>Окно запуска начинается и заканчивается в одно и то же время: выберите два разных времени или отключите его, чтобы запускать в любое время.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="145" />
            <source>Choose the hot folder to watch.</source>
            <translation>Выберите папку для наблюдения.</translation>
        </message>
        <message>
            <location filename="../../ui/SettingsQueuePage.cpp" line="149" />
            <source>The hot folder must be a full path, such as %1.</source>
            <translation>Папка наблюдения должна быть полным путём, например %1.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::SidecarWatcher</name>
        <message>
            <location filename="../../core/jobs/SidecarWatcher.cpp" line="167" />
            <source>“%1” was edited into something other than a JSON object: the rating, tags and boards in it were not read, and the video keeps its marks. Correct the file to apply the edit.</source>
            <translation>Файл «%1» отредактирован так, что он больше не является объектом JSON: рейтинг, теги и доски из него не прочитаны, у видео остались прежние отметки. Исправьте файл, чтобы применить правку.</translation>
        </message>
        <message>
            <location filename="../../core/jobs/SidecarWatcher.cpp" line="171" />
            <source>“%1” is no longer valid JSON (%2 at position %3): the rating, tags and boards in it were not read, and the video keeps its marks. Correct the file to apply the edit.</source>
            <translation>Файл «%1» больше не является корректным JSON (%2 в позиции %3): рейтинг, теги и доски из него не прочитаны, у видео остались прежние отметки. Исправьте файл, чтобы применить правку.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::SoundEffectDialog</name>
        <message>
            <location filename="../../ui/SoundEffectDialog.cpp" line="23" />
            <source>Add a Sound Effect</source>
            <translation>Добавить звуковой эффект</translation>
        </message>
        <message>
            <location filename="../../ui/SoundEffectDialog.cpp" line="25" />
            <source>PixVerse adds sound or music that fits the video. Describe what to hear, or leave it empty to let PixVerse choose from the picture.</source>
            <translation>PixVerse добавит звук или музыку под видео. Опишите, что должно звучать, или оставьте поле пустым — PixVerse подберёт звук по изображению.</translation>
        </message>
        <message>
            <location filename="../../ui/SoundEffectDialog.cpp" line="31" />
            <source>e.g. rain on a tin roof, distant thunder</source>
            <translation>например, дождь по жестяной крыше, далёкий гром</translation>
        </message>
        <message>
            <location filename="../../ui/SoundEffectDialog.cpp" line="33" />
            <source>&amp;Keep the video's own sound</source>
            <translation>&amp;Сохранить собственный звук видео</translation>
        </message>
        <message>
            <location filename="../../ui/SoundEffectDialog.cpp" line="46" />
            <source>Add Sound</source>
            <translation>Добавить звук</translation>
        </message>
        <message>
            <location filename="../../ui/SoundEffectDialog.cpp" line="53" />
            <source>&amp;Description:</source>
            <translation>&amp;Описание:</translation>
        </message>
    </context>
    <context>
        <name>pixverse::SpendChart</name>
        <message>
            <location filename="../../ui/SpendChart.cpp" line="93" />
            <source>Nothing spent in these days</source>
            <translation>В эти дни ничего не потрачено</translation>
        </message>
        <message>
            <location filename="../../ui/SpendChart.cpp" line="169" />
            <source>%1
Deducted: %2 credits
Refunded: %3 credits
Net: %4 credits</source>
            <translation>%1
Списано кредитов: %2
Возвращено кредитов: %3
Итого кредитов: %4</translation>
        </message>
        <message>
            <location filename="../../ui/SpendChart.cpp" line="280" />
            <source>Refunded</source>
            <translation>Возвращено</translation>
        </message>
        <message>
            <location filename="../../ui/SpendChart.cpp" line="281" />
            <source>Deducted</source>
            <translation>Списано</translation>
        </message>
    </context>
    <context>
        <name>pixverse::SpendGuard</name>
        <message>
            <location filename="../../core/ledger/SpendGuard.cpp" line="70" />
            <source>The queue stopped before job %1: today's spending would reach %2 credits, over the daily cap of %3 credits.</source>
            <translation>Очередь остановлена перед заданием %1: расход за сегодня достиг бы %2 кредитов, больше дневного лимита в %3 кредитов.</translation>
        </message>
        <message>
            <location filename="../../core/ledger/SpendGuard.cpp" line="79" />
            <source>The queue stopped before job %1: this session's spending would reach %2 credits, over the session cap of %3 credits.</source>
            <translation>Очередь остановлена перед заданием %1: расход за этот сеанс достиг бы %2 кредитов, больше лимита сеанса в %3 кредитов.</translation>
        </message>
    </context>
    <context>
        <name>pixverse::SpendingView</name>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="57" />
            <source>%1 credits</source>
            <translation>Кредитов: %1</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="63" />
            <source>synced just now</source>
            <translation>синхронизировано только что</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/SpendingView.cpp" line="65" />
            <source>synced %n minute(s) ago</source>
            <translation>
                <numerusform>синхронизировано %n минуту назад</numerusform>
                <numerusform>синхронизировано %n минуты назад</numerusform>
                <numerusform>синхронизировано %n минут назад</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/SpendingView.cpp" line="67" />
            <source>synced %n hour(s) ago</source>
            <translation>
                <numerusform>синхронизировано %n час назад</numerusform>
                <numerusform>синхронизировано %n часа назад</numerusform>
                <numerusform>синхронизировано %n часов назад</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/SpendingView.cpp" line="68" />
            <source>synced %n day(s) ago</source>
            <translation>
                <numerusform>синхронизировано %n день назад</numerusform>
                <numerusform>синхронизировано %n дня назад</numerusform>
                <numerusform>синхронизировано %n дней назад</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="156" />
            <source>Spending</source>
            <translation>Расходы</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="157" />
            <source>Last 7 days</source>
            <translation>Последние 7 дней</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="157" />
            <source>Last 30 days</source>
            <translation>Последние 30 дней</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="157" />
            <source>This month</source>
            <translation>Этот месяц</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="158" />
            <source>All time</source>
            <translation>Всё время</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="161" />
            <source>The days counted</source>
            <translation>Какие дни учитывать</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="162" />
            <source>Export CSV…</source>
            <translation>Экспорт в CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="163" />
            <source>Save every deduction and refund of these days as a CSV file</source>
            <translation>Сохранить все списания и возвраты за эти дни в файл CSV</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="164" />
            <source>Sync now</source>
            <translation>Синхронизировать</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="165" />
            <source>Read PixVerse's ledger again</source>
            <translation>Заново прочитать журнал расходов PixVerse</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="166" />
            <location filename="../../ui/SpendingView.cpp" line="171" />
            <source>Deducted</source>
            <translation>Списано</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="167" />
            <location filename="../../ui/SpendingView.cpp" line="171" />
            <source>Refunded</source>
            <translation>Возвращено</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="168" />
            <location filename="../../ui/SpendingView.cpp" line="171" />
            <source>Net</source>
            <translation>Итого</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="169" />
            <source>By model</source>
            <translation>По моделям</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="171" />
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="171" />
            <source>Videos</source>
            <translation>Видео</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="172" />
            <source>Refunds</source>
            <translation>Возвраты</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="173" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="173" />
            <source>Video</source>
            <translation>Видео</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="173" />
            <source>Credits</source>
            <translation>Кредиты</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="173" />
            <source>Job</source>
            <translation>Задание</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="174" />
            <source>Double-click a refund to find its job in the gallery</source>
            <translation>Дважды щёлкните возврат, чтобы найти его задание в галерее</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="336" />
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="393" />
            <source>Sign in to see what you spent.</source>
            <translation>Войдите, чтобы увидеть свои расходы.</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="395" />
            <source>From this app's records (the website has no ledger)</source>
            <translation>По записям этого приложения (у сайта нет журнала расходов)</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="398" />
            <source>syncing…</source>
            <translation>синхронизация…</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="400" />
            <source>not synced: %1</source>
            <translation>не синхронизировано: %1</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="404" />
            <source>not synced yet</source>
            <translation>ещё не синхронизировано</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="405" />
            <source>From PixVerse's ledger · %1</source>
            <translation>Из журнала расходов PixVerse · %1</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="444" />
            <source>Export spending</source>
            <translation>Экспорт расходов</translation>
        </message>
        <message>
            <location filename="../../ui/SpendingView.cpp" line="445" />
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>pixverse::StudioApp</name>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="130" />
            <source>Your sign-in will not be remembered: %1</source>
            <translation>Данные входа не будут запомнены: %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="163" />
            <source>Offline sandbox · signing in…</source>
            <translation>Офлайн-песочница · вход…</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="176" />
            <source>The offline sandbox could not start: %1</source>
            <translation>Не удалось запустить офлайн-песочницу: %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="185" />
            <source>Signing in as %1…</source>
            <translation>Вход как %1…</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="272" />
            <source>Your jobs cannot be kept: %1</source>
            <translation>Не удаётся сохранить ваши задания: %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="324" />
            <source>Your videos on PixVerse could not be listed: %1</source>
            <translation>Не удалось получить список ваших видео на PixVerse: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/StudioApp.cpp" line="327" />
            <source>%n video(s) from your PixVerse account added to the gallery.</source>
            <translation>
                <numerusform>%n видео из вашей учётной записи PixVerse добавлено в галерею.</numerusform>
                <numerusform>%n видео из вашей учётной записи PixVerse добавлены в галерею.</numerusform>
                <numerusform>%n видео из вашей учётной записи PixVerse добавлено в галерею.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="403" />
            <source>Sign in to generate videos.</source>
            <translation>Войдите, чтобы создавать видео.</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="468" />
            <source>Offline sandbox</source>
            <translation>Офлайн-песочница</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioApp.cpp" line="474" />
            <source>%1 · signing in…</source>
            <translation>%1 · вход…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/StudioApp.cpp" line="424" />
            <source>%n takes of “%1” queued.</source>
            <translation>
                <numerusform>В очереди %n дубль «%1».</numerusform>
                <numerusform>В очереди %n дубля «%1».</numerusform>
                <numerusform>В очереди %n дублей «%1».</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="43" />
            <source>The hot folder is not watched: %1</source>
            <translation>Горячая папка не отслеживается: %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="47" />
            <source>Watching the hot folder “%1”.</source>
            <translation>Отслеживается горячая папка «%1».</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="57" />
            <source>Hot folder: “%1” queued as %n job(s).</source>
            <translation>
                <numerusform>Горячая папка: «%1» поставлен в очередь как %n задание.</numerusform>
                <numerusform>Горячая папка: «%1» поставлен в очередь как %n задания.</numerusform>
                <numerusform>Горячая папка: «%1» поставлен в очередь как %n заданий.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="58" />
            <source>Hot folder: “%1” queued as %n job(s) for %2 credits.</source>
            <translation>
                <numerusform>Горячая папка: «%1» поставлен в очередь как %n задание за %2 кредитов.</numerusform>
                <numerusform>Горячая папка: «%1» поставлен в очередь как %n задания за %2 кредитов.</numerusform>
                <numerusform>Горячая папка: «%1» поставлен в очередь как %n заданий за %2 кредитов.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="63" />
            <source>Hot folder: “%1” was queued before; nothing was sent again.</source>
            <translation>Горячая папка: «%1» уже ставился в очередь; повторно ничего не отправлено.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="67" />
            <source>Hot folder: %n line(s) of “%1” not queued: %2</source>
            <translation>
                <numerusform>Горячая папка: %n строка из «%1» не поставлена в очередь: %2</numerusform>
                <numerusform>Горячая папка: %n строки из «%1» не поставлены в очередь: %2</numerusform>
                <numerusform>Горячая папка: %n строк из «%1» не поставлены в очередь: %2</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="73" />
            <source>Hot folder: “%1” was refused: %2</source>
            <translation>Горячая папка: «%1» отклонён: %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="75" />
            <source>A hot folder file was refused</source>
            <translation>Файл горячей папки отклонён</translation>
        </message>
        <message>
            <location filename="../../app/gui/StudioAppHotFolder.cpp" line="79" />
            <source>Hot folder paused for today</source>
            <translation>Горячая папка приостановлена до завтра</translation>
        </message>
    </context>
    <context>
        <name>pixverse::TagEditor</name>
        <message>
            <location filename="../../ui/TagEditor.cpp" line="44" />
            <source>Tags</source>
            <translation>Теги</translation>
        </message>
        <message>
            <location filename="../../ui/TagEditor.cpp" line="45" />
            <source>Tags of this video, separated by commas:</source>
            <translation>Теги этого видео через запятую:</translation>
        </message>
        <message>
            <location filename="../../ui/TagEditor.cpp" line="46" />
            <source>Tags of the %1 selected videos, separated by commas (a tag only some of them have stays):</source>
            <translation>Теги выбранных видео (%1) через запятую (тег, который есть лишь у некоторых из них, останется):</translation>
        </message>
        <message>
            <location filename="../../ui/TagEditor.cpp" line="53" />
            <source>storm, night, lighthouse</source>
            <translation>шторм, ночь, маяк</translation>
        </message>
    </context>
    <context>
        <name>pixverse::TemplateLibrary</name>
        <message>
            <location filename="../../core/effects/TemplateLibrary.cpp" line="197" />
            <location filename="../../core/effects/TemplateLibrary.cpp" line="292" />
            <source>Signed out: the effects shown are the ones saved earlier.</source>
            <translation>Вы вышли из аккаунта: показаны эффекты, сохранённые ранее.</translation>
        </message>
        <message>
            <location filename="../../core/effects/TemplateLibrary.cpp" line="262" />
            <source>Offline: the effects shown are the ones saved earlier.</source>
            <translation>Нет подключения: показаны эффекты, сохранённые ранее.</translation>
        </message>
        <message>
            <location filename="../../core/effects/TemplateLibrary.cpp" line="314" />
            <source>The effects could not be refreshed: %1</source>
            <translation>Не удалось обновить список эффектов: %1</translation>
        </message>
    </context>
    <context>
        <name>pixverse::ThumbnailMaker</name>
        <message>
            <location filename="../../ui/ThumbnailMaker.cpp" line="28" />
            <source>The video gave no picture in time.</source>
            <translation>Видео не дало кадра вовремя.</translation>
        </message>
        <message>
            <location filename="../../ui/ThumbnailMaker.cpp" line="132" />
            <source>The file is not a video Qt can play.</source>
            <translation>Файл — не видео, которое может воспроизвести Qt.</translation>
        </message>
        <message>
            <location filename="../../ui/ThumbnailMaker.cpp" line="134" />
            <source>The video ended before a picture was shown.</source>
            <translation>Видео закончилось раньше, чем показало кадр.</translation>
        </message>
        <message>
            <location filename="../../ui/ThumbnailMaker.cpp" line="198" />
            <source>Cannot create the folder “%1”.</source>
            <translation>Не удаётся создать папку «%1».</translation>
        </message>
        <message>
            <location filename="../../ui/ThumbnailMaker.cpp" line="202" />
            <source>Cannot write “%1”: %2</source>
            <translation>Не удаётся записать «%1»: %2</translation>
        </message>
    </context>
    <context>
        <name>pixverse::VideoMetadata</name>
        <message>
            <source>Cannot write the prompt into “%1”.</source>
            <translation type="vanished">Не удалось записать промпт в «%1».</translation>
        </message>
    </context>
    <context>
        <name>pixverse::VideoPlayer</name>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="85" />
            <source>Frame size of the video</source>
            <translation>Размер кадра видео</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="89" />
            <location filename="../../ui/VideoPlayer.cpp" line="90" />
            <source>Close the player</source>
            <translation>Закрыть проигрыватель</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="100" />
            <location filename="../../ui/VideoPlayer.cpp" line="372" />
            <source>Play (Space)</source>
            <translation>Воспроизвести (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="103" />
            <source>Position</source>
            <translation>Позиция</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="108" />
            <source>Play again from the start when it ends (L)</source>
            <translation>По окончании начинать сначала (L)</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="109" />
            <source>Loop</source>
            <translation>Повтор</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="113" />
            <location filename="../../ui/VideoPlayer.cpp" line="380" />
            <source>Mute (M)</source>
            <translation>Выключить звук (M)</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="117" />
            <source>Volume</source>
            <translation>Громкость</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="168" />
            <source>This video cannot be played.</source>
            <translation>Это видео невозможно воспроизвести.</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="265" />
            <source>This video cannot be played: %1</source>
            <translation>Это видео невозможно воспроизвести: %1</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="363" />
            <source>%1 × %2</source>
            <translation>%1 × %2</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="372" />
            <source>Pause (Space)</source>
            <translation>Пауза (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="374" />
            <source>Pause</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="374" />
            <source>Play</source>
            <translation>Воспроизвести</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="380" />
            <source>Unmute (M)</source>
            <translation>Включить звук (M)</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="381" />
            <source>Unmute</source>
            <translation>Включить звук</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="381" />
            <source>Mute</source>
            <translation>Выключить звук</translation>
        </message>
        <message>
            <location filename="../../ui/VideoPlayer.cpp" line="229" />
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
    </context>
    <context>
        <name>pixverse::VideoSourceSlot</name>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="35" />
            <source>%1 s</source>
            <translation>%1 с</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="49" />
            <location filename="../../ui/VideoSourceSlot.cpp" line="50" />
            <source>Video to extend</source>
            <translation>Видео для продолжения</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="vanished">&amp;Обзор…</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="43" />
            <source>MP4, MOV or WebM, up to %1 and %2 s, at most %3 px per side.</source>
            <translation>MP4, MOV или WebM, до %1 и %2 с, не больше %3 пикс. по стороне.</translation>
        </message>
        <message>
            <source>&amp;Replace…</source>
            <translation type="vanished">&amp;Заменить…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation type="vanished">У&amp;брать</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="89" />
            <source>PixVerse video %1</source>
            <translation>Видео PixVerse %1</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="93" />
            <source>%1 × %2 px</source>
            <translation>%1 × %2 пикс.</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="68" />
            <source>From a take without a prompt</source>
            <translation>Из дубля без промпта</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="42" />
            <source>Choose Extend on a finished take in the gallery, drop a video file here, or</source>
            <translation>Выберите «Продлить…» у готового дубля в галерее, перетащите сюда видеофайл или нажмите</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="68" />
            <source>From “%1”</source>
            <translation>Из «%1»</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="102" />
            <source>Choose a video to extend</source>
            <translation>Выберите видео для продолжения</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="103" />
            <source>Videos (%1)</source>
            <translation>Видео (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="104" />
            <source>All files (*)</source>
            <translation>Все файлы (*)</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="112" />
            <source>Reading “%1”…</source>
            <translation>Читается «%1»…</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="144" />
            <source>%1 · %2 · %3 × %4 px · %5</source>
            <translation>%1 · %2 · %3 × %4 пикс. · %5</translation>
        </message>
        <message>
            <location filename="../../ui/VideoSourceSlot.cpp" line="170" />
            <source>Video</source>
            <translation>Видео</translation>
        </message>
        <message>
            <source>&lt;b&gt;Video to extend&lt;/b&gt;: choose Extend on a finished take in the gallery, drop a video file here, or</source>
            <translation type="vanished">&lt;b&gt;Видео для продолжения&lt;/b&gt;: выберите «Продолжить» у готового дубля в галерее, перетащите сюда видеофайл или нажмите</translation>
        </message>
    </context>
    <context>
        <name>pixverse::WebBackend</name>
        <message>
            <location filename="../../core/backend/WebBackend.cpp" line="155" />
            <source>The image to animate has not been uploaded.</source>
            <translation>Изображение для анимации не загружено.</translation>
        </message>
        <message>
            <location filename="../../core/backend/WebBackend.cpp" line="160" />
            <source>The first and the last frame have not both been uploaded.</source>
            <translation>Первый и последний кадры загружены не оба.</translation>
        </message>
        <message>
            <location filename="../../core/backend/WebBackend.cpp" line="167" />
            <source>"%1" is available only with a platform API key sign-in (PixVerse documents no website request for it).</source>
            <translation>Режим «%1» доступен только при входе по API-ключу платформы (PixVerse не описывает для него запрос сайта).</translation>
        </message>
        <message>
            <location filename="../../core/backend/WebBackend.cpp" line="183" />
            <source>the image %1, signed with the upload token</source>
            <translation>изображение %1, подписанное токеном загрузки</translation>
        </message>
        <message>
            <location filename="../../core/backend/WebBackend.cpp" line="184" />
            <source>temporary object-store credentials</source>
            <translation>временные ключи доступа к хранилищу</translation>
        </message>
        <message>
            <location filename="../../core/backend/WebBackend.cpp" line="186" />
            <source>registers the uploaded image</source>
            <translation>регистрирует загруженное изображение</translation>
        </message>
    </context>
</TS>
