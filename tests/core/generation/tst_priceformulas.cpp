// The website's price formulas (pixverse-api.md §3.12) evaluated in the client: every node kind,
// the left fold, switches with "=" and ">", booleans that are not numbers, and every way a
// formula can be unknown (which must give no price, never a guess). Then quotePrice() and the
// promotion flags of /user/credits.
#include "core/api/WebApiRequests.h"
#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceFormulas.h"
#include "core/generation/PriceQuote.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pixverse;

namespace {

QJsonObject lit(const QJsonValue& v) {
    return {{QStringLiteral("type"), QStringLiteral("literal")}, {QStringLiteral("value"), v}};
}
QJsonObject var(const QString& name) {
    return {{QStringLiteral("type"), QStringLiteral("variable")}, {QStringLiteral("name"), name}};
}
QJsonObject op(const QString& oper, const QJsonArray& params) {
    return {{QStringLiteral("operator"), oper}, {QStringLiteral("params"), params}};
}
QJsonObject fn(const QString& name, const QJsonArray& params) {
    return {{QStringLiteral("name"), name}, {QStringLiteral("params"), params}};
}
QJsonObject kase(const QString& type, const QJsonValue& compare, const QJsonObject& value) {
    return {{QStringLiteral("type"), type},
            {QStringLiteral("compareValue"), compare},
            {QStringLiteral("value"), value}};
}
QJsonObject sw(const QJsonObject& on, const QJsonArray& cases,
               const std::optional<QJsonObject>& fallback) {
    QJsonObject node{{QStringLiteral("switchOn"), on}, {QStringLiteral("cases"), cases}};
    if (fallback)
        node.insert(QStringLiteral("default"), *fallback);
    return node;
}

//! `node` as the formula of "t2v", evaluated with `variables`.
std::optional<double> eval(const QJsonObject& node, const QJsonObject& variables = {}) {
    const auto formulas = PriceFormulas::fromResp(QJsonObject{{QStringLiteral("t2v"), node}});
    return formulas.value->evaluate(QStringLiteral("t2v"), variables);
}

const QJsonObject kVars{{QStringLiteral("duration"), 5},
                        {QStringLiteral("quality"), QStringLiteral("540p")},
                        {QStringLiteral("audio"), true},
                        {QStringLiteral("create_count"), 1}};

//! The shape of the site's per-second formula: ceil(rate(quality, audio) × duration / 10).
QJsonObject perSecondFormula() {
    const QJsonObject silent = sw(var(QStringLiteral("quality")),
                                  {kase(QStringLiteral("="), QStringLiteral("540p"), lit(70)),
                                   kase(QStringLiteral("="), QStringLiteral("720p"), lit(90))},
                                  std::nullopt);
    const QJsonObject withSound = sw(var(QStringLiteral("quality")),
                                     {kase(QStringLiteral("="), QStringLiteral("540p"), lit(76)),
                                      kase(QStringLiteral("="), QStringLiteral("720p"), lit(110))},
                                     std::nullopt);
    const QJsonObject rate =
        sw(var(QStringLiteral("audio")), {kase(QStringLiteral("="), true, withSound)}, silent);
    return fn(
        QStringLiteral("ceil"),
        {op(QStringLiteral("/"), {op(QStringLiteral("*"), {rate, var(QStringLiteral("duration")),
                                                           var(QStringLiteral("create_count"))}),
                                  lit(10)})});
}

} // namespace

class TestPriceFormulas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void literalAndVariable() {
        QCOMPARE(eval(lit(5)), 5.0);
        QCOMPARE(eval(lit(2.5)), 2.5);
        QCOMPARE(eval(var(QStringLiteral("duration")), kVars), 5.0);
        // A formula's result must be a number: a text or a boolean prices nothing.
        QCOMPARE(eval(lit(QStringLiteral("35"))), std::nullopt);
        QCOMPARE(eval(var(QStringLiteral("audio")), kVars), std::nullopt);
    }

    void operatorsFoldLeft() {
        QCOMPARE(eval(op(QStringLiteral("+"), {lit(1), lit(2), lit(3)})), 6.0);
        QCOMPARE(eval(op(QStringLiteral("*"), {lit(2), lit(3), lit(4)})), 24.0);
        // (10 - 3) - 2 = 5; a right fold would give 9.
        QCOMPARE(eval(op(QStringLiteral("-"), {lit(10), lit(3), lit(2)})), 5.0);
        // (24 / 4) / 2 = 3; a right fold would give 12.
        QCOMPARE(eval(op(QStringLiteral("/"), {lit(24), lit(4), lit(2)})), 3.0);
        QCOMPARE(eval(op(QStringLiteral("-"), {lit(7)})), 7.0);
        QCOMPARE(eval(op(QStringLiteral("*"), {var(QStringLiteral("duration")),
                                               op(QStringLiteral("+"), {lit(1), lit(1)})}),
                      kVars),
                 10.0);
    }

    void ceilFunction() {
        QCOMPARE(eval(fn(QStringLiteral("ceil"), {lit(7.2)})), 8.0);
        QCOMPARE(eval(fn(QStringLiteral("ceil"), {lit(7)})), 7.0);
        QCOMPARE(eval(fn(QStringLiteral("ceil"), {lit(1), lit(2)})), std::nullopt);
    }

    void switchEqualsGreaterAndDefault() {
        const QJsonObject byDuration =
            sw(var(QStringLiteral("duration")),
               {kase(QStringLiteral(">"), 8, lit(3)), kase(QStringLiteral(">"), 5, lit(2)),
                kase(QStringLiteral("="), 5, lit(1))},
               lit(0));
        auto withDuration = [](int d) { return QJsonObject{{QStringLiteral("duration"), d}}; };
        QCOMPARE(eval(byDuration, withDuration(10)), 3.0); // the first case that holds wins
        QCOMPARE(eval(byDuration, withDuration(6)), 2.0);
        QCOMPARE(eval(byDuration, withDuration(5)), 1.0);
        QCOMPARE(eval(byDuration, withDuration(4)), 0.0); // default
        // No case holds and no default: unknown.
        QCOMPARE(eval(sw(var(QStringLiteral("duration")), {kase(QStringLiteral("="), 8, lit(1))},
                         std::nullopt),
                      withDuration(5)),
                 std::nullopt);
        // ">" on text is no comparison it knows.
        QCOMPARE(
            eval(sw(var(QStringLiteral("quality")), {kase(QStringLiteral(">"), 5, lit(1))}, lit(0)),
                 kVars),
            std::nullopt);
    }

    void nestedSwitch() {
        const QJsonObject formula = perSecondFormula();
        QCOMPARE(eval(formula, kVars), 38.0); // 76 × 5 / 10: the site's V6 540p 5 s with sound
        QJsonObject silent = kVars;
        silent[QStringLiteral("audio")] = false;
        QCOMPARE(eval(formula, silent), 35.0);
        QJsonObject odd = kVars;
        odd[QStringLiteral("duration")] = 7;
        QCOMPARE(eval(formula, odd), 54.0); // 53.2, rounded up
        QJsonObject unknownQuality = kVars;
        unknownQuality[QStringLiteral("quality")] = QStringLiteral("1080p");
        QCOMPARE(eval(formula, unknownQuality), std::nullopt);
    }

    void booleanIsNotOne() {
        const QJsonObject formula = perSecondFormula();
        QJsonObject asNumber = kVars;
        asNumber[QStringLiteral("audio")] = 1; // the formula prices the option as off
        QCOMPARE(eval(formula, asNumber), 35.0);
        const QJsonObject one =
            sw(var(QStringLiteral("flag")), {kase(QStringLiteral("="), 1, lit(10))}, lit(20));
        QCOMPARE(eval(one, {{QStringLiteral("flag"), true}}), 20.0);
        QCOMPARE(eval(one, {{QStringLiteral("flag"), 1}}), 10.0);
        // Text "5" is not the number 5 either.
        const QJsonObject five =
            sw(var(QStringLiteral("duration")),
               {kase(QStringLiteral("="), QStringLiteral("5"), lit(10))}, lit(20));
        QCOMPARE(eval(five, kVars), 20.0);
    }

    void unknownPartsPriceNothing_data() {
        QTest::addColumn<QJsonObject>("node");
        QTest::newRow("node type") << QJsonObject{
            {QStringLiteral("type"), QStringLiteral("lookup")}, {QStringLiteral("value"), 5}};
        QTest::newRow("shapeless node") << QJsonObject{{QStringLiteral("value"), 5}};
        QTest::newRow("operator") << op(QStringLiteral("%"), {lit(10), lit(3)});
        QTest::newRow("power operator") << op(QStringLiteral("^"), {lit(10), lit(3)});
        QTest::newRow("no params") << op(QStringLiteral("+"), {});
        QTest::newRow("function") << fn(QStringLiteral("floor"), {lit(7.5)});
        QTest::newRow("comparator")
            << sw(var(QStringLiteral("duration")), {kase(QStringLiteral("<"), 8, lit(1))}, lit(2));
        QTest::newRow("missing variable")
            << op(QStringLiteral("*"), {var(QStringLiteral("speed")), lit(2)});
        QTest::newRow("missing variable in switch")
            << sw(var(QStringLiteral("speed")), {kase(QStringLiteral("="), 1, lit(1))}, lit(2));
        QTest::newRow("division by zero") << op(QStringLiteral("/"), {lit(10), lit(0)});
        QTest::newRow("division by a zero variable")
            << op(QStringLiteral("/"),
                  {lit(10), op(QStringLiteral("-"), {var(QStringLiteral("duration")), lit(5)})});
        QTest::newRow("text in arithmetic")
            << op(QStringLiteral("+"), {lit(1), var(QStringLiteral("quality"))});
        QTest::newRow("null literal") << lit(QJsonValue());
        QTest::newRow("unknown inside a known case")
            << sw(var(QStringLiteral("audio")),
                  {kase(QStringLiteral("="), true, fn(QStringLiteral("round"), {lit(1)}))}, lit(2));
    }

    void unknownPartsPriceNothing() {
        QFETCH(QJsonObject, node);
        QCOMPARE(eval(node, kVars), std::nullopt);
    }

    void deepNestingIsBounded() {
        QJsonObject shallow = lit(1);
        for (int i = 0; i < 20; ++i)
            shallow = op(QStringLiteral("+"), {shallow, lit(1)});
        QCOMPARE(eval(shallow), 21.0);
        // Far deeper than any real price list: refused, without exhausting the stack.
        QJsonObject deep = lit(1);
        for (int i = 0; i < 5000; ++i)
            deep = fn(QStringLiteral("ceil"), {deep});
        QCOMPARE(eval(deep), std::nullopt);
    }

    void missingKeyAndNullResp() {
        const auto formulas = PriceFormulas::fromResp(QJsonObject{{QStringLiteral("t2v"), lit(5)}});
        QCOMPARE(formulas.value->evaluate(QStringLiteral("i2v"), kVars), std::nullopt);
        QCOMPARE(formulas.value->evaluate(QString(), kVars), std::nullopt);
        const auto none = PriceFormulas::fromResp(QJsonValue());
        QVERIFY(!none.ok());
        QVERIFY(!none.error.detail().isEmpty());
        QVERIFY(!PriceFormulas::fromResp(QJsonArray{}).ok());
    }

    void keysAndVariables() {
        GenerationRequest r;
        QCOMPARE(PriceFormulas::keyFor(r), QStringLiteral("t2v"));
        r.mode = GenerationMode::ImageToVideo;
        QCOMPARE(PriceFormulas::keyFor(r), QStringLiteral("i2v"));
        r.mode = GenerationMode::Transition;
        QCOMPARE(PriceFormulas::keyFor(r), QStringLiteral("transition"));
        r.mode = GenerationMode::Extend;
        QCOMPARE(PriceFormulas::keyFor(r), QStringLiteral("extend"));
        r.mode = GenerationMode::LipSync;
        QCOMPARE(PriceFormulas::keyFor(r), QStringLiteral("lipsync"));
        r.mode = GenerationMode::Upscale;
        QCOMPARE(PriceFormulas::keyFor(r), QStringLiteral("upscale"));
        r.mode = GenerationMode::Effect;
        QVERIFY(PriceFormulas::keyFor(r).isEmpty());

        GenerationRequest c1;
        c1.model = QStringLiteral("c1");
        c1.quality = QStringLiteral("720p");
        c1.duration = 8;
        c1.audio = true;
        const QJsonObject v =
            PriceFormulas::variablesFor(c1, ModelCatalog::builtIn().model(QStringLiteral("c1")));
        QCOMPARE(v.value(u"model").toString(), QStringLiteral("pixverse-c1")); // the web's id
        QCOMPARE(v.value(u"quality").toString(), QStringLiteral("720p"));
        QCOMPARE(v.value(u"duration").toInt(), 8);
        QCOMPARE(v.value(u"create_count").toInt(), 1);
        QVERIFY(v.value(u"audio").isBool());
        QCOMPARE(v.value(u"audio").toBool(), true);
        QVERIFY(v.value(u"multishot").isBool());
        for (const char* discount :
             {"off_peak_discount", "preview_mode_discount", "ultra_model_discount",
              "v6_model_discount", "model_promotion_discount"})
            QCOMPARE(v.value(QLatin1String(discount)).toDouble(), 1.0);
    }

    void quotes() {
        const ModelCatalog& catalog = ModelCatalog::builtIn();
        GenerationRequest r;
        r.model = QStringLiteral("v6");
        r.quality = QStringLiteral("540p");
        r.duration = 5;
        r.audio = true;
        const int table = *catalog.creditCost(r);
        const auto formulas =
            PriceFormulas::fromResp(QJsonObject{{QStringLiteral("t2v"), perSecondFormula()}});

        const PriceQuote api = quotePrice(r, catalog, ApiFamily::OpenApi, &*formulas.value);
        QCOMPARE(api.basis, PriceQuote::Basis::Table); // an API key pays the table, formulas or not
        QCOMPARE(*api.credits, qint64(table));
        QCOMPARE(api.text(), QStringLiteral("%1 credits").arg(table));

        const PriceQuote web = quotePrice(r, catalog, ApiFamily::Web, &*formulas.value);
        QCOMPARE(web.basis, PriceQuote::Basis::Formula);
        QCOMPARE(*web.credits, qint64(38));
        QCOMPARE(web.text(), QStringLiteral("38 credits"));
        QCOMPARE(web.times(3).text(), QStringLiteral("114 credits"));

        const PriceQuote promo = quotePrice(r, catalog, ApiFamily::Web, &*formulas.value, true);
        QVERIFY(promo.atMost);
        QCOMPARE(promo.text(), QStringLiteral("≤ 38 credits"));

        const PriceQuote noFormulas = quotePrice(r, catalog, ApiFamily::Web, nullptr, true);
        QCOMPARE(noFormulas.basis, PriceQuote::Basis::Estimate);
        QCOMPARE(noFormulas.text(), QStringLiteral("about %1 credits").arg(table));

        r.quality = QStringLiteral("1080p"); // the formula has no 1080p: the table, "about"
        const PriceQuote fallback = quotePrice(r, catalog, ApiFamily::Web, &*formulas.value);
        QCOMPARE(fallback.basis, PriceQuote::Basis::Estimate);
        QCOMPARE(*fallback.credits, qint64(*catalog.creditCost(r)));
        QCOMPARE(PriceQuote{}.text(), QStringLiteral("no price"));
    }

    void promotionFlags_data() {
        QTest::addColumn<QByteArray>("resp");
        QTest::addColumn<bool>("promotion");
        QTest::newRow("none") << QByteArray("{}") << false;
        QTest::newRow("all off")
            << QByteArray(
                   R"({"is_v6_discount":false,"promotion_discounts":[],"marketing_hub_discount_info":)"
                   R"({"promotion_mode":0},"enhance_promotion_info":{"enhance_promotion_mode":"0"}})")
            << false;
        QTest::newRow("v6 discount") << QByteArray(R"({"is_v6_discount":true})") << true;
        QTest::newRow("v6 discount as 1") << QByteArray(R"({"is_v6_discount":1})") << true;
        QTest::newRow("discount list")
            << QByteArray(R"({"promotion_discounts":[{"model":"v6","discount":0.8}]})") << true;
        QTest::newRow("marketing hub")
            << QByteArray(R"({"marketing_hub_discount_info":{"promotion_mode":2}})") << true;
        QTest::newRow("enhance as text")
            << QByteArray(R"({"enhance_promotion_info":{"enhance_promotion_mode":"1"}})") << true;
        QTest::newRow("odd types")
            << QByteArray(
                   R"({"is_v6_discount":null,"marketing_hub_discount_info":"on","enhance_promotion_info":[1]})")
            << false;
    }

    void promotionFlags() {
        QFETCH(QByteArray, resp);
        QFETCH(bool, promotion);
        QJsonObject object = QJsonDocument::fromJson(resp).object();
        object.insert(QStringLiteral("credit_daily"), 60);
        const Result<bool> on = web::PromotionRequest::parse(object);
        QVERIFY(on.ok());
        QCOMPARE(*on.value, promotion);
        QVERIFY(!web::PromotionRequest::parse(QJsonValue()).ok());
    }
};

QTEST_GUILESS_MAIN(TestPriceFormulas)
#include "tst_priceformulas.moc"
