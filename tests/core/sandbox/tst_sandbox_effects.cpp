// The OpenAPI routes of issue 17 over real loopback HTTP (a plain QNetworkAccessManager, no
// project client class): the effect template list with its paging, languages and real preview
// media, generations with `template_id` (500070, 500071, img_ids, text templates) and
// reference-to-video (fusion) with its limits, prices and restarts.

#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/SandboxState.h"
#include "core/sandbox/SandboxTemplates.h"
#include "tests/core/sandbox/ClipProbe.h"
#include "tests/core/sandbox/OpenApiFixture.h"

#include <QCryptographicHash>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pixverse;
using namespace pixverse::sandbox;
using namespace pixverse::test;
namespace tpl = pixverse::sandbox::templates;

namespace {

QJsonArray items(const HttpResult& r) {
    return r.resp().value(QLatin1String("effect_items")).toArray();
}

QJsonObject i2vBody(qint64 imageId, const QString& model = QStringLiteral("v5"),
                    const QString& quality = QStringLiteral("540p")) {
    return QJsonObject{{QStringLiteral("img_id"), QJsonValue(imageId)},
                       {QStringLiteral("prompt"), QStringLiteral("The person smiles")},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("duration"), 5},
                       {QStringLiteral("quality"), quality}};
}

QJsonObject fusionBody(const QString& model, const QJsonArray& references, const QString& prompt) {
    return QJsonObject{{QStringLiteral("image_references"), references},
                       {QStringLiteral("prompt"), prompt},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("duration"), 5},
                       {QStringLiteral("quality"), QStringLiteral("540p")},
                       {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")},
                       {QStringLiteral("seed"), 7}};
}

QJsonObject reference(const QString& type, qint64 imageId, const QString& name) {
    return QJsonObject{{QStringLiteral("type"), type},
                       {QStringLiteral("img_id"), QJsonValue(imageId)},
                       {QStringLiteral("ref_name"), name}};
}

const QString kList = QStringLiteral("/openapi/v2/video/effects/templates/list");
const QString kImg = QStringLiteral("/openapi/v2/video/img/generate");
const QString kText = QStringLiteral("/openapi/v2/video/text/generate");
const QString kFusion = QStringLiteral("/openapi/v2/video/fusion/generate");

} // namespace

class TstSandboxEffects : public QObject, protected OpenApiFixture {
    Q_OBJECT

private:
    //! Every template, page after page until a short page.
    QJsonArray allTemplates(int pageSize, const QByteArray& language = {}) {
        QJsonArray all;
        for (int page = 1; page < 1000; ++page) {
            const HttpResult r = list(
                QStringLiteral("?type=1&page=%1&pageSize=%2").arg(page).arg(pageSize), language);
            if (r.errCode() != 0)
                return {};
            const QJsonArray pageItems = items(r);
            for (const QJsonValue& item : pageItems)
                all.append(item);
            if (pageItems.size() < pageSize)
                break;
        }
        return all;
    }

    HttpResult list(const QString& query, const QByteArray& language = {}) {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!language.isEmpty())
            headers << qMakePair(QByteArrayLiteral("Accept-Language"), language);
        return get(kList + query, {}, headers);
    }

    //! The credits a plain (template-less) generation of `body` costs; it is made and finishes.
    qint64 plainCredits(const QString& path, QJsonObject body) {
        body.remove(QStringLiteral("template_id"));
        return post(path, body).respInt("credits");
    }

    //! make(), and the video's clip decodes; the id, or -1.
    qint64 makePlayable(const QString& path, const QJsonObject& body, qint64 credits) {
        const qint64 id = make(path, body, credits);
        const test::ClipStreams clip = id > 0 ? download(id) : test::ClipStreams();
        if (!clip.loaded || !clip.hasVideo) {
            qWarning() << "video" << id << "did not finish as a playable clip";
            return -1;
        }
        return id;
    }

    //! Refused with `errCode`, nothing made and nothing charged.
    bool refused(const QString& path, const QJsonObject& body, qint64 errCode,
                 const QString& key = {}) {
        const qint64 created = m_server->stats().generationsCreated;
        const qint64 before = balance();
        const HttpResult r = post(path, body, key);
        if (r.errCode() != errCode || m_server->stats().generationsCreated != created ||
            balance() != before || !r.json().value(QLatin1String("Resp")).isNull()) {
            qWarning() << path << "answered" << r.body << "instead of" << errCode;
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void init() {
        setUpNetwork();
        startServer();
    }

    void cleanup() { tearDown(); }

    void listPagesThroughEveryTemplate_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("pageSize");
        for (const int count : {tpl::kDefaultTemplateCount, 300}) {
            for (const int size : {10, 20, 50, 100})
                QTest::addRow("%d by %d", count, size) << count << size;
        }
    }

    void listPagesThroughEveryTemplate() {
        QFETCH(int, count);
        QFETCH(int, pageSize);
        SandboxConfig config;
        config.templateCount = count;
        startServer(config);
        const QJsonArray all = allTemplates(pageSize);
        QCOMPARE(all.size(), count);
        QSet<qint64> ids;
        QSet<QString> names;
        for (const QJsonValue& item : all) {
            const QJsonObject t = item.toObject();
            QVERIFY(t.value(QLatin1String("template_id")).isDouble()); // a number, not a string
            ids.insert(t.value(QLatin1String("template_id")).toInteger());
            names.insert(t.value(QLatin1String("display_name")).toString());
        }
        QCOMPARE(ids.size(), count);
        QCOMPARE(names.size(), count); // readable and distinct, "<name> <n>" beyond 36
        const QJsonObject first = all.first().toObject();
        QCOMPARE(first.value(QLatin1String("template_id")).toInteger(), tpl::kAudienceReactionId);
        QCOMPARE(first.value(QLatin1String("display_name")).toString(),
                 QStringLiteral("Audience Reaction Shot"));
        // Past the end: an empty page.
        const HttpResult beyond =
            list(QStringLiteral("?page=%1&pageSize=%2").arg(count / pageSize + 2).arg(pageSize));
        QCOMPARE(beyond.errCode(), 0);
        QVERIFY(items(beyond).isEmpty());
    }

    void listDefaultsAndTypes() {
        QCOMPARE(items(list(QString())).size(), tpl::kDefaultTemplateCount); // pageSize 50, page 1
        QCOMPARE(items(list(QStringLiteral("?type=1"))).size(), tpl::kDefaultTemplateCount);
        const HttpResult images = list(QStringLiteral("?type=2"));
        QCOMPARE(images.errCode(), 0); // no image templates here
        QVERIFY(items(images).isEmpty());
        QVERIFY(images.resp().value(QLatin1String("effect_items")).isArray());
        QNetworkRequest noKey = request(kList, QString());
        QCOMPARE(finish(m_nam->get(noKey)).errCode(), 400012);
    }

    void listRefusesBadParameters_data() {
        QTest::addColumn<QString>("query");
        for (const char* q : {"pageSize=0", "pageSize=5", "pageSize=30", "pageSize=1000",
                              "pageSize=abc", "pageSize=", "pageSize=-10", "page=0", "page=-1",
                              "page=abc", "page=1.5", "page=", "type=3", "type=0", "type=video"})
            QTest::newRow(q) << QString::fromLatin1(q);
    }

    void listRefusesBadParameters() {
        QFETCH(QString, query);
        const HttpResult r = list(QLatin1Char('?') + query);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errCode(), 400017);
        QVERIFY(r.json().value(QLatin1String("Resp")).isNull());
    }

    void listSpeaksRussianWhenAskedFirst() {
        const QJsonArray russian = allTemplates(50, "ru-RU,ru;q=0.9,en;q=0.8");
        QCOMPARE(russian.size(), tpl::kDefaultTemplateCount);
        QCOMPARE(russian.first().toObject().value(QLatin1String("display_name")).toString(),
                 QStringLiteral("Реакция зрительного зала"));
        const QJsonArray english = allTemplates(50, "en-US,ru;q=0.5");
        QCOMPARE(english.first().toObject().value(QLatin1String("display_name")).toString(),
                 QStringLiteral("Audience Reaction Shot"));
        const QJsonArray fallback = allTemplates(50, "de-DE");
        QCOMPARE(fallback.first().toObject().value(QLatin1String("display_name")).toString(),
                 QStringLiteral("Audience Reaction Shot"));
        // Every Russian name, prompt and category is Cyrillic; the search word is in one name.
        int storm = 0;
        QSet<QString> categories;
        for (qsizetype i = 0; i < russian.size(); ++i) {
            const QJsonObject ru = russian.at(i).toObject();
            const QJsonObject en = english.at(i).toObject();
            QCOMPARE(ru.value(QLatin1String("template_id")),
                     en.value(QLatin1String("template_id")));
            for (const char* field : {"display_name", "display_prompt", "category"}) {
                const QString text = ru.value(QLatin1String(field)).toString();
                QVERIFY2(text.contains(QRegularExpression(QStringLiteral("[а-яА-ЯёЁ]"))),
                         qPrintable(text));
                QVERIFY(text != en.value(QLatin1String(field)).toString());
            }
            const QString name = en.value(QLatin1String("display_name")).toString();
            const QString prompt = en.value(QLatin1String("display_prompt")).toString();
            const QString text = name + QLatin1Char(' ') + prompt;
            storm += text.contains(QLatin1String(tpl::kUniqueSearchWord), Qt::CaseInsensitive);
            categories.insert(en.value(QLatin1String("category")).toString());
        }
        QCOMPARE(storm, 1);
        QCOMPARE(categories.size(), 5);
    }

    void listCarriesTheTemplatesTraits() {
        const QJsonArray all = allTemplates(100);
        QHash<qint64, QJsonObject> byId;
        for (const QJsonValue& item : all)
            byId.insert(item.toObject().value(QLatin1String("template_id")).toInteger(),
                        item.toObject());
        for (const QJsonObject& t : std::as_const(byId)) {
            QCOMPARE(t.value(QLatin1String("template_type")).toInt(), 1);
            QVERIFY(!t.value(QLatin1String("template_model")).toString().isEmpty());
            QVERIFY(t.value(QLatin1String("duration")).toInt() > 0);
            QVERIFY(!t.value(QLatin1String("qualities")).toArray().isEmpty());
            QVERIFY(t.value(QLatin1String("effect_type")).isDouble());
            QVERIFY(!t.value(QLatin1String("display_prompt")).toString().isEmpty());
            QVERIFY(!t.contains(QLatin1String("activated"))); // learned from 500070 only
        }
        const QJsonArray all4{QStringLiteral("360p"), QStringLiteral("540p"),
                              QStringLiteral("720p"), QStringLiteral("1080p")};
        QCOMPARE(byId.value(tpl::kAudienceReactionId).value(QLatin1String("qualities")).toArray(),
                 all4);
        QCOMPARE(byId.value(tpl::kLowQualityOnlyId).value(QLatin1String("qualities")).toArray(),
                 (QJsonArray{QStringLiteral("360p"), QStringLiteral("540p")}));
        QCOMPARE(byId.value(tpl::kAudienceReactionId).value(QLatin1String("effect_type")).toInt(),
                 1);
        QCOMPARE(byId.value(tpl::kNotActivatedId).value(QLatin1String("effect_type")).toInt(), 1);
        QCOMPARE(byId.value(tpl::kTwoImageId).value(QLatin1String("effect_type")).toInt(), 2);
        QCOMPARE(byId.value(tpl::kTextOnlyId).value(QLatin1String("effect_type")).toInt(), 0);
    }

    void previewsAreRealClipsAndStills() {
        const QJsonArray all = allTemplates(100);
        QSet<QByteArray> looks;
        for (qsizetype i = 0; i < 8; ++i) {
            const QJsonObject t = all.at(i).toObject();
            const QUrl videoUrl(t.value(QLatin1String("preview_video_url")).toString());
            const QUrl stillUrl(t.value(QLatin1String("preview_img_url")).toString());
            // On the sandbox itself, where the request went.
            QCOMPARE(videoUrl.host(), m_server->baseUrl().host());
            QCOMPARE(videoUrl.port(), int(m_server->port()));
            QCOMPARE(stillUrl.port(), int(m_server->port()));
            const HttpResult video = get(videoUrl.toString());
            QCOMPARE(video.status, 200);
            QCOMPARE(video.contentType, QByteArrayLiteral("video/mp4"));
            QVERIFY(video.body.contains("avc1")); // H.264
            looks.insert(QCryptographicHash::hash(video.body, QCryptographicHash::Sha256));
            const HttpResult still = get(stillUrl.toString());
            QCOMPARE(still.status, 200);
            QCOMPARE(still.contentType, QByteArrayLiteral("image/jpeg"));
            const QImage image = QImage::fromData(still.body, "JPEG");
            QCOMPARE(image.size(), QSize(320, 180));
            if (i == 0) {
                const test::ClipStreams clip = test::probeClip(video.body);
                QVERIFY(clip.loaded);
                QVERIFY(clip.hasVideo);
                QCOMPARE(clip.resolution, QSize(320, 180));
                QVERIFY(clip.durationMs >= 1000 && clip.durationMs <= 2500);
            }
        }
        QCOMPARE(looks.size(), 8); // eight distinct looks
        QCOMPARE(m_server->stats().previewRequests, 16);
        QCOMPARE(m_server->stats().templateListCalls, 1);
        // A preview download can be made to fail like any other path (browser tests).
        SandboxFault fault;
        fault.pathContains = QStringLiteral("/media/template/");
        fault.httpStatus = 503;
        m_server->injectFault(fault);
        const QString firstPreview =
            all.at(0).toObject().value(QLatin1String("preview_video_url")).toString();
        QCOMPARE(get(firstPreview).status, 503);
        QCOMPARE(get(firstPreview).status, 200);
        QCOMPARE(get(QStringLiteral("/media/template/12345.mp4")).status, 404);
        QCOMPARE(get(QStringLiteral("/media/template/%1.gif").arg(tpl::kAudienceReactionId)).status,
                 404);
    }

    void notActivatedTemplateAnswers500070() {
        const qint64 image = uploadImage(QSize(640, 360));
        QVERIFY(image > 0);
        QJsonObject body = i2vBody(image, QStringLiteral("v4.5"));
        body.insert(QStringLiteral("template_id"), QJsonValue(tpl::kNotActivatedId));
        QVERIFY(refused(kImg, body, 500070));
        QCOMPARE(post(kImg, body).json().value(QLatin1String("ErrMsg")).toString(),
                 QStringLiteral("Template not activated"));
    }

    void lowQualityTemplateAnswers500071() {
        const qint64 image = uploadImage(QSize(640, 360));
        QVERIFY(image > 0);
        for (const QString& quality : {QStringLiteral("720p"), QStringLiteral("1080p")}) {
            QJsonObject body = i2vBody(image, QStringLiteral("v5"), quality);
            body.insert(QStringLiteral("template_id"), QJsonValue(tpl::kLowQualityOnlyId));
            QVERIFY(refused(kImg, body, 500071));
        }
        // A quality no model makes stays a parameter error.
        QJsonObject odd = i2vBody(image, QStringLiteral("v5"), QStringLiteral("4k"));
        odd.insert(QStringLiteral("template_id"), QJsonValue(tpl::kLowQualityOnlyId));
        QVERIFY(refused(kImg, odd, 400017));
        // 540p is made, at the model's i2v price, the size of the image's shape.
        QJsonObject body = i2vBody(image, QStringLiteral("v5"), QStringLiteral("540p"));
        body.insert(QStringLiteral("template_id"), QJsonValue(tpl::kLowQualityOnlyId));
        const qint64 price = plainCredits(kImg, body);
        QCOMPARE(price, 45);
        const qint64 id = makePlayable(kImg, body, price);
        QVERIFY(id > 0);
        QCOMPARE(result(id).value(QLatin1String("outputWidth")).toInt(), 960);
        QCOMPARE(result(id).value(QLatin1String("outputHeight")).toInt(), 540);
    }

    void multiImageTemplateTakesImgIds() {
        const qint64 a = uploadImage(QSize(360, 640));
        const qint64 b = uploadImage(QSize(640, 360));
        const qint64 c = uploadImage(QSize(640, 360));
        const qint64 foreign = uploadImage(QSize(640, 360), QStringLiteral("sk-other"));
        QVERIFY(a > 0 && b > 0 && c > 0 && foreign > 0);
        QJsonObject body = i2vBody(a);
        body.remove(QStringLiteral("img_id"));
        body.insert(QStringLiteral("template_id"), QJsonValue(tpl::kTwoImageId));
        auto ids = [](std::initializer_list<qint64> list) {
            QJsonArray array;
            for (const qint64 id : list)
                array.append(QJsonValue(id));
            return array;
        };
        const QString key = QStringLiteral("img_ids");
        QVERIFY(refused(kImg, with(body, {{key, ids({a})}}), 400017));
        QVERIFY(refused(kImg, with(body, {{key, ids({a, b, c})}}), 400017));
        QVERIFY(refused(kImg, with(body, {{QStringLiteral("img_id"), QJsonValue(a)}}), 400017));
        QVERIFY(refused(kImg, body, 400011));
        QVERIFY(refused(kImg, with(body, {{key, ids({a, 12345})}}), 400032));
        QVERIFY(refused(kImg, with(body, {{key, ids({a, foreign})}}), 400032));
        QVERIFY(refused(kImg, with(body, {{key, QStringLiteral("1,2")}}), 400013));
        QVERIFY(refused(kImg,
                        with(body, {{key, ids({a, b})}, {QStringLiteral("img_id"), QJsonValue(a)}}),
                        400017));
        // One-image templates take img_id, not img_ids.
        QVERIFY(refused(
            kImg,
            with(body, {{key, ids({a})},
                        {QStringLiteral("template_id"), QJsonValue(tpl::kAudienceReactionId)}}),
            400017));

        const QJsonObject good = with(body, {{key, ids({a, b})}});
        const qint64 id = makePlayable(kImg, good, 45); // v5 540p 5 s, as i2v
        QVERIFY(id > 0);
        // The first image decides the shape (portrait here).
        QCOMPARE(result(id).value(QLatin1String("outputWidth")).toInt(), 540);
        QCOMPARE(result(id).value(QLatin1String("outputHeight")).toInt(), 960);
    }

    void textTemplateGoesToTextToVideo() {
        const QJsonObject body{{QStringLiteral("template_id"), QJsonValue(tpl::kTextOnlyId)},
                               {QStringLiteral("prompt"), QStringLiteral("Robots dance")},
                               {QStringLiteral("model"), QStringLiteral("v6")},
                               {QStringLiteral("duration"), 5},
                               {QStringLiteral("quality"), QStringLiteral("540p")},
                               {QStringLiteral("aspect_ratio"), QStringLiteral("9:16")}};
        const qint64 price = plainCredits(kText, body);
        QCOMPARE(price, 35); // v6 540p: 7 credits a second
        const qint64 id = makePlayable(kText, body, price);
        QVERIFY(id > 0);
        QCOMPARE(result(id).value(QLatin1String("outputWidth")).toInt(), 576);
        QCOMPARE(result(id).value(QLatin1String("outputHeight")).toInt(), 1024);

        const qint64 image = uploadImage(QSize(640, 360));
        QVERIFY(image > 0);
        QVERIFY(refused(kImg, with(body, {{QStringLiteral("img_id"), QJsonValue(image)}}), 400017));
        // An image template on text-to-video, an unknown template, a template id of the wrong type.
        QVERIFY(refused(
            kText,
            with(body, {{QStringLiteral("template_id"), QJsonValue(tpl::kAudienceReactionId)}}),
            400017));
        QVERIFY(refused(
            kText, with(body, {{QStringLiteral("template_id"), QJsonValue(qint64(99))}}), 400017));
        QVERIFY(refused(kText, with(body, {{QStringLiteral("template_id"), QStringLiteral("x")}}),
                        400013));
        // Text templates still need the usual fields.
        QVERIFY(
            refused(kText, with(body, {{QStringLiteral("aspect_ratio"), QJsonValue()}}), 400011));
    }

    void fusionMakesAVideoFromNamedReferences_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("credits");
        QTest::addColumn<QSize>("size");
        QTest::newRow("v4.5: its clip table")
            << QStringLiteral("v4.5") << qint64(45) << QSize(960, 540);
        QTest::newRow("v5") << QStringLiteral("v5") << qint64(45) << QSize(960, 540);
        QTest::newRow("v6: per second") << QStringLiteral("v6") << qint64(35) << QSize(1024, 576);
    }

    void fusionMakesAVideoFromNamedReferences() {
        QFETCH(QString, model);
        QFETCH(qint64, credits);
        QFETCH(QSize, size);
        const qint64 dog = uploadImage(QSize(400, 400));
        const qint64 room = uploadImage(QSize(640, 360));
        QVERIFY(dog > 0 && room > 0);
        const QJsonObject body =
            fusionBody(model,
                       {reference(QStringLiteral("subject"), dog, QStringLiteral("dog")),
                        reference(QStringLiteral("background"), room, QStringLiteral("room"))},
                       QStringLiteral("@dog plays at @room "));
        const qint64 id = makePlayable(kFusion, body, credits);
        QVERIFY(id > 0);
        const QJsonObject r = result(id);
        QCOMPARE(QSize(r.value(QLatin1String("outputWidth")).toInt(),
                       r.value(QLatin1String("outputHeight")).toInt()),
                 size); // the aspect ratio asked for, not the images'
        QCOMPARE(r.value(QLatin1String("prompt")).toString(),
                 QStringLiteral("@dog plays at @room "));
        QCOMPARE(r.value(QLatin1String("credits")).toInteger(), credits);
    }

    void fusionLimits_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("subjects");
        QTest::addColumn<int>("backgrounds");
        QTest::addColumn<QJsonObject>("changes");    // of the body; null removes
        QTest::addColumn<QJsonObject>("refChanges"); // of the first reference; null removes
        QTest::addColumn<qint64>("errCode");
        const QJsonObject none;
        auto row = [&](const char* name, const char* model, int subjects, int backgrounds,
                       const QJsonObject& changes, const QJsonObject& refChanges, qint64 code) {
            QTest::newRow(name) << QString::fromLatin1(model) << subjects << backgrounds << changes
                                << refChanges << code;
        };
        row("v4.5 3 images", "v4.5", 2, 1, none, none, 0);
        row("v4.5 4 images", "v4.5", 3, 1, none, none, 400017);
        row("v5 4 images", "v5", 4, 0, none, none, 400017);
        row("v5.5 7 images", "v5.5", 6, 1, none, none, 0);
        row("v5.5 8 images", "v5.5", 7, 1, none, none, 400017);
        row("v5.6 8 images", "v5.6", 8, 0, none, none, 400017);
        row("c1 7 images", "c1", 7, 0, none, none, 0);
        row("c1 8 images", "c1", 8, 0, none, none, 400017);
        row("v6 5 subjects 2 backgrounds", "v6", 5, 2, none, none, 0);
        row("v6 3 backgrounds", "v6", 1, 3, none, none, 400017);
        row("v6 9 subjects", "v6", 9, 0, none, none, 400017);
        row("v6 8 images", "v6", 6, 2, none, none, 400017);
        row("v4 makes no fusion", "v4", 1, 0, none, none, 400017);
        row("v3.5 makes no fusion", "v3.5", 1, 0, none, none, 400017);
        row("unknown model", "v9", 1, 0, none, none, 400017);
        row("no references", "v5", 0, 0, none, none, 400011);
        row("references missing", "v5", 1, 0, {{QStringLiteral("image_references"), QJsonValue()}},
            none, 400011);
        row("references not an array", "v5", 1, 0,
            {{QStringLiteral("image_references"), QStringLiteral("s1")}}, none, 400013);
        row("unknown @name", "v5", 1, 0,
            {{QStringLiteral("prompt"), QStringLiteral("@s1 meets @cat")}}, none, 400017);
        row("@name is exact", "v5", 1, 0, {{QStringLiteral("prompt"), QStringLiteral("@S1 walks")}},
            none, 400017);
        row("a reference the prompt never names", "v5", 2, 0,
            {{QStringLiteral("prompt"), QStringLiteral("@s1 walks alone")}}, none, 0);
        row("names twice, any case", "v5", 2, 0, none,
            {{QStringLiteral("ref_name"), QStringLiteral("S2")}}, 400017);
        row("name of 30 bytes", "v5", 1, 0,
            {{QStringLiteral("prompt"),
              QString(QStringLiteral("@") + QString(30, QLatin1Char('a')))}},
            {{QStringLiteral("ref_name"), QString(30, QLatin1Char('a'))}}, 0);
        row("name of 31 bytes", "v5", 1, 0,
            {{QStringLiteral("prompt"),
              QString(QStringLiteral("@") + QString(31, QLatin1Char('a')))}},
            {{QStringLiteral("ref_name"), QString(31, QLatin1Char('a'))}}, 400017);
        row("name of 16 Cyrillic letters (32 bytes)", "v5", 1, 0,
            {{QStringLiteral("prompt"), QString(QStringLiteral("@") + QString(16, QChar(0x0436)))}},
            {{QStringLiteral("ref_name"), QString(16, QChar(0x0436))}}, 400017);
        row("name with a space", "v5", 1, 0, none,
            {{QStringLiteral("ref_name"), QStringLiteral("my dog")}}, 400017);
        row("name missing", "v5", 1, 0, none, {{QStringLiteral("ref_name"), QJsonValue()}}, 400011);
        row("type missing", "v5", 1, 0, none, {{QStringLiteral("type"), QJsonValue()}}, 400011);
        row("type person", "v5", 1, 0, none, {{QStringLiteral("type"), QStringLiteral("person")}},
            400017);
        row("img_id missing", "v5", 1, 0, none, {{QStringLiteral("img_id"), QJsonValue()}}, 400011);
        row("img_id unknown", "v5", 1, 0, none, {{QStringLiteral("img_id"), 12345}}, 400032);
        row("img_id a string", "v5", 1, 0, none, {{QStringLiteral("img_id"), QStringLiteral("1")}},
            400013);
        row("aspect ratio missing", "v5", 1, 0, {{QStringLiteral("aspect_ratio"), QJsonValue()}},
            none, 400011);
        row("aspect ratio auto", "v6", 1, 0,
            {{QStringLiteral("aspect_ratio"), QStringLiteral("auto")}}, none, 400017);
        row("aspect ratio 5:4", "v5", 1, 0,
            {{QStringLiteral("aspect_ratio"), QStringLiteral("5:4")}}, none, 400017);
        row("duration 0", "v6", 1, 0, {{QStringLiteral("duration"), 0}}, none, 400017);
        row("v5 duration 6", "v5", 1, 0, {{QStringLiteral("duration"), 6}}, none, 400017);
        row("v6 duration 12", "v6", 1, 0, {{QStringLiteral("duration"), 12}}, none, 0);
        row("v5 quality 4k", "v5", 1, 0, {{QStringLiteral("quality"), QStringLiteral("4k")}}, none,
            400017);
        row("prompt missing", "v5", 1, 0, {{QStringLiteral("prompt"), QJsonValue()}}, none, 400011);
        row("reference videos (omni) are not emulated", "v6", 1, 0,
            {{QStringLiteral("video_references"),
              QJsonArray{QJsonObject{{QStringLiteral("ref_name"), QStringLiteral("video1")},
                                     {QStringLiteral("video_media_id"), 1}}}},
             {QStringLiteral("reference_mode"), QStringLiteral("omni")}},
            none, 400017);
    }

    void fusionLimits() {
        QFETCH(QString, model);
        QFETCH(int, subjects);
        QFETCH(int, backgrounds);
        QFETCH(QJsonObject, changes);
        QFETCH(QJsonObject, refChanges);
        QFETCH(qint64, errCode);
        const qint64 image = uploadImage(QSize(640, 360));
        QVERIFY(image > 0);
        QJsonArray references;
        for (int i = 1; i <= subjects; ++i)
            references.append(
                reference(QStringLiteral("subject"), image, QStringLiteral("s%1").arg(i)));
        for (int i = 1; i <= backgrounds; ++i)
            references.append(
                reference(QStringLiteral("background"), image, QStringLiteral("b%1").arg(i)));
        if (!references.isEmpty())
            references[0] = with(references.at(0).toObject(), refChanges);
        const QJsonObject body =
            with(fusionBody(model, references,
                            subjects > 0 ? QStringLiteral("@s1 walks in the park")
                                         : QStringLiteral("An empty park")),
                 changes);
        if (errCode != 0) {
            QVERIFY(refused(kFusion, body, errCode));
            return;
        }
        const HttpResult made = post(kFusion, body);
        QCOMPARE(made.errCode(), 0);
        QVERIFY(made.respInt("credits") > 0);
        QVERIFY(made.respInt("video_id") > 0);
    }

    void fusionImagesBelongToTheKey() {
        const qint64 foreign = uploadImage(QSize(640, 360), QStringLiteral("sk-other"));
        QVERIFY(foreign > 0);
        const QJsonObject body =
            fusionBody(QStringLiteral("v5"),
                       {reference(QStringLiteral("subject"), foreign, QStringLiteral("dog"))},
                       QStringLiteral("@dog runs"));
        QVERIFY(refused(kFusion, body, 400032));
        QCOMPARE(post(kFusion, body, QStringLiteral("sk-other")).errCode(), 0);
        // GET is not the route's method.
        QCOMPARE(get(kFusion).status, 405);
    }

    void restartKeepsAFusionJob() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxConfig config;
        config.stateDir = dir.path();
        startServer(config);
        const qint64 cat = uploadImage(QSize(640, 360));
        QVERIFY(cat > 0);
        const QJsonObject body =
            fusionBody(QStringLiteral("v6"),
                       {reference(QStringLiteral("subject"), cat, QStringLiteral("cat"))},
                       QStringLiteral("@cat sleeps "));
        const HttpResult made = post(kFusion, body);
        QCOMPARE(made.errCode(), 0);
        const qint64 id = made.respInt("video_id");
        const qint64 left = balance();

        startServer(config); // a restart on the same state, the job still generating
        QCOMPARE(balance(), left);
        const int status = result(id).value(QLatin1String("status")).toInt();
        QVERIFY2(status == 5 || status == 1, qPrintable(QString::number(status)));
        finishAll();
        const QJsonObject r = result(id);
        QCOMPARE(r.value(QLatin1String("status")).toInt(), 1);
        QCOMPARE(r.value(QLatin1String("prompt")).toString(), QStringLiteral("@cat sleeps "));
        QCOMPARE(r.value(QLatin1String("credits")).toInteger(), 35);
        const test::ClipStreams clip =
            test::probeClip(get(r.value(QLatin1String("url")).toString()).body);
        QVERIFY(clip.loaded);
        QCOMPARE(clip.resolution, QSize(1024, 576));
        // Its references are still known after the restart: the same image makes another one.
        QCOMPARE(post(kFusion, body).errCode(), 0);
    }
};

QTEST_MAIN(TstSandboxEffects)
#include "tst_sandbox_effects.moc"
