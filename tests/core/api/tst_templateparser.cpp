// The effect template list answer (§2.19), read tolerantly: only three fields are documented, so
// the parser takes ids as numbers or strings, preview URLs under any fitting key, the web list's
// extra fields where they are, and keeps the "unknown" defaults where they are not.
#include "core/api/OpenApiEffectRequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pixverse;

namespace {

QJsonObject object(const char* text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestTemplateParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theDocumentedAnswer();
    void theWebListsFields();
    void previewUrlsUnderOtherKeys_data();
    void previewUrlsUnderOtherKeys();
    void activationFlags_data();
    void activationFlags();
    void oddValuesKeepTheirDefaults();
    void listShapes();
};

void TestTemplateParser::theDocumentedAnswer() {
    // The docs' example: id, name and prompt only; everything else stays unknown.
    const QList<EffectTemplate> items = openapi::parseTemplateItems(object(R"(
        {"effect_items": [{"template_id": 402331965264704,
                           "display_name": "Audience Reaction Shot",
                           "display_prompt": "Generate a cinematic audience reaction shot."}]})"));
    QCOMPARE(items.size(), 1);
    EffectTemplate expected;
    expected.id = 402331965264704;
    expected.name = QStringLiteral("Audience Reaction Shot");
    expected.prompt = QStringLiteral("Generate a cinematic audience reaction shot.");
    QCOMPARE(items.first(), expected);
    QCOMPARE(items.first().imageCount, 1);
    QVERIFY(items.first().qualities.isEmpty());
    QVERIFY(!items.first().credits);
    QVERIFY(!items.first().needsActivation);
}

void TestTemplateParser::theWebListsFields() {
    // What the sandbox sends besides (§2.19 last bullet).
    const QList<EffectTemplate> items = openapi::parseTemplateItems(object(R"(
        {"effect_items": [{"template_id": "302325299692608", "display_name": "Two Friends",
                           "display_prompt": "Two people hug", "effect_type": 2,
                           "template_type": 1, "template_model": "v5",
                           "qualities": ["360p", "540p"], "duration": 5,
                           "preview_video_url": "http://127.0.0.1:8080/previews/a.mp4",
                           "preview_img_url": "http://127.0.0.1:8080/previews/a.jpg",
                           "category": "Friends", "video_base_cost": 40, "fixed_cost": 5,
                           "something_new": {"nested": true}}]})"));
    QCOMPARE(items.size(), 1);
    const EffectTemplate& t = items.first();
    QCOMPARE(t.id, Q_INT64_C(302325299692608)); // a string id, never through double
    QCOMPARE(t.imageCount, 2);
    QCOMPARE(t.model, QStringLiteral("v5"));
    QCOMPARE(t.qualities, (QStringList{QStringLiteral("360p"), QStringLiteral("540p")}));
    QCOMPARE(t.duration, 5);
    QCOMPARE(t.previewUrl, QStringLiteral("http://127.0.0.1:8080/previews/a.mp4"));
    QCOMPARE(t.thumbnailUrl, QStringLiteral("http://127.0.0.1:8080/previews/a.jpg"));
    QCOMPARE(t.category, QStringLiteral("Friends"));
    QCOMPARE(t.credits, std::optional<int>(45));
}

void TestTemplateParser::previewUrlsUnderOtherKeys_data() {
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QString>("preview");
    QTest::addColumn<QString>("still");
    const QString mp4 = QStringLiteral("https://media.pixverse.ai/p.mp4");
    const QString jpg = QStringLiteral("https://media.pixverse.ai/p.jpg");
    QTest::newRow("video_url, cover_url")
        << QByteArray(R"({"template_id": 1, "video_url": "https://media.pixverse.ai/p.mp4",
                          "cover_url": "https://media.pixverse.ai/p.jpg"})")
        << mp4 << jpg;
    QTest::newRow("preview_video, thumbnail_url")
        << QByteArray(R"({"template_id": 1, "preview_video": "https://media.pixverse.ai/p.mp4",
                          "thumbnail_url": "https://media.pixverse.ai/p.jpg"})")
        << mp4 << jpg;
    QTest::newRow("image_url only")
        << QByteArray(R"({"template_id": 1, "image_url": "https://media.pixverse.ai/p.jpg"})")
        << QString() << jpg;
    QTest::newRow("by suffix")
        << QByteArray(R"({"template_id": 1, "preview_url": "https://media.pixverse.ai/p.mp4",
                          "example_url": "https://media.pixverse.ai/p.jpg?x=1"})")
        << mp4 << QStringLiteral("https://media.pixverse.ai/p.jpg?x=1");
    QTest::newRow("not URLs") << QByteArray(R"({"template_id": 1, "video_url": "", "img_url": 5,
                          "cover_url": "file:///etc/passwd", "other_url": "https://x/y"})")
                              << QString() << QString();
}

void TestTemplateParser::previewUrlsUnderOtherKeys() {
    QFETCH(QByteArray, item);
    QFETCH(QString, preview);
    QFETCH(QString, still);
    const std::optional<EffectTemplate> t =
        openapi::parseTemplateItem(QJsonDocument::fromJson(item).object());
    QVERIFY(t);
    QCOMPARE(t->previewUrl, preview);
    QCOMPARE(t->thumbnailUrl, still);
}

void TestTemplateParser::activationFlags_data() {
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<bool>("needsActivation");
    QTest::newRow("activated false")
        << QByteArray(R"({"template_id": 1, "activated": false})") << true;
    QTest::newRow("is_activated 0")
        << QByteArray(R"({"template_id": 1, "is_activated": 0})") << true;
    QTest::newRow("is_activated \"0\"")
        << QByteArray(R"({"template_id": 1, "is_activated": "0"})") << true;
    QTest::newRow("activated true")
        << QByteArray(R"({"template_id": 1, "activated": true})") << false;
    QTest::newRow("is_activated 1")
        << QByteArray(R"({"template_id": 1, "is_activated": 1})") << false;
    QTest::newRow("absent") << QByteArray(R"({"template_id": 1})") << false;
    QTest::newRow("junk") << QByteArray(R"({"template_id": 1, "activated": "maybe"})") << false;
}

void TestTemplateParser::activationFlags() {
    QFETCH(QByteArray, item);
    QFETCH(bool, needsActivation);
    const auto t = openapi::parseTemplateItem(QJsonDocument::fromJson(item).object());
    QVERIFY(t);
    QCOMPARE(t->needsActivation, needsActivation);
}

void TestTemplateParser::oddValuesKeepTheirDefaults() {
    const QList<EffectTemplate> items = openapi::parseTemplateItems(object(R"(
        {"effect_items": [
            {"template_id": 1, "effect_type": 9, "duration": -3, "qualities": "360p, 540P,720"},
            {"template_id": 2, "effect_type": "0", "duration": "8", "credits": "30",
             "name": "Named otherwise", "prompt": "Prompt otherwise", "category": 7},
            {"display_name": "no id: skipped"},
            {"template_id": 0, "display_name": "id 0: skipped"},
            {"template_id": "abc", "display_name": "not an id: skipped"},
            {"template_id": 3, "template_type": 2, "display_name": "an image template"},
            {"template_id": 1, "display_name": "a repeated id: skipped"},
            "not an object", null, 17]})"));
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).imageCount, 1); // 9 images is no template's
    QCOMPARE(items.at(0).duration, 0);
    QCOMPARE(items.at(0).qualities,
             (QStringList{QStringLiteral("360p"), QStringLiteral("540p"), QStringLiteral("720p")}));
    QCOMPARE(items.at(1).imageCount, 0);
    QCOMPARE(items.at(1).duration, 8);
    QCOMPARE(items.at(1).credits, std::optional<int>(30));
    QCOMPARE(items.at(1).name, QStringLiteral("Named otherwise"));
    QCOMPARE(items.at(1).prompt, QStringLiteral("Prompt otherwise"));
    QCOMPARE(items.at(1).category, QStringLiteral("7"));
}

void TestTemplateParser::listShapes() {
    // Other list keys; an empty or missing list; Resp null.
    QCOMPARE(openapi::parseTemplateItems(object(R"({"list": [{"id": 5}]})")).first().id, 5);
    QCOMPARE(openapi::parseTemplateItems(object(R"({"data": [{"template_id": 6}]})")).size(), 1);
    QVERIFY(openapi::parseTemplateItems(object(R"({"effect_items": []})")).isEmpty());
    QVERIFY(openapi::parseTemplateItems(object(R"({"effect_items": null})")).isEmpty());
    QVERIFY(openapi::parseTemplateItems(object(R"({"total": 0})")).isEmpty());
    const auto none = openapi::TemplateListRequest::parse(QJsonValue::Null);
    QVERIFY(none.ok());
    QVERIFY(none.value->isEmpty());
    const auto page = openapi::TemplateListRequest::parse(
        object(R"({"effect_items": [{"template_id": 1}, {"template_id": 2}]})"));
    QVERIFY(page.ok());
    QCOMPARE(page.value->size(), 2);
    QCOMPARE(openapi::TemplateListRequest::parse(QJsonValue(5)).error.kind(),
             ApiError::Kind::MalformedReply);
    QCOMPARE(openapi::TemplateListRequest::parse(QJsonArray{}).error.kind(),
             ApiError::Kind::MalformedReply);
}

QTEST_GUILESS_MAIN(TestTemplateParser)
#include "tst_templateparser.moc"
