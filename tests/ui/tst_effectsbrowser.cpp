// The effects browser (issue 17) on real widgets, a real TemplateLibrary and PreviewCache over
// HTTP to the sandbox: every template of every page, search, categories, a preview that plays
// (decoded frames arrive), a preview that cannot be downloaded, choosing with Enter, a
// double-click and the button, and the sentences that replace the cards.
#include "core/api/ApiClient.h"
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/effects/TemplateListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "core/media/ClipFrames.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxTemplates.h"
#include "tests/core/effects/ListingBackend.h"
#include "ui/EffectCardDelegate.h"
#include "ui/EffectsBrowser.h"
#include "ui/PreviewPlayer.h"
#include "ui/UiHelpers.h"

#include <QApplication>
#include <QAudioOutput>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMediaPlayer>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace pixverse;
namespace templates = pixverse::sandbox::templates;

namespace {

//! A browser over a library and a preview cache that talk to `host`.
struct Browsing {
    explicit Browsing(sandbox::SandboxHost& host)
        : client(&network) {
        client.setBaseUrl(host.baseUrl());
        backend = std::make_unique<test::ListingBackend>(&client, host.defaultApiKey());
        library = std::make_unique<TemplateLibrary>(dir.filePath(QStringLiteral("templates.json")));
        library->setBackend(backend.get());
        previews = std::make_unique<PreviewCache>(dir.filePath(QStringLiteral("previews")),
                                                  64LL * 1024 * 1024, &network);
        browser = std::make_unique<EffectsBrowser>(library.get(), previews.get());
        browser->resize(900, 640);
    }

    //! Fetches every page; true once the list came (refreshFinished without an error).
    bool refresh() {
        QSignalSpy finished(library.get(), &TemplateLibrary::refreshFinished);
        library->refresh(true);
        if (!finished.wait(20000))
            return false;
        return finished.constFirst().constFirst().toString().isEmpty();
    }

    QModelIndex indexOf(qint64 id) const {
        return browser->model()->index(browser->model()->rowOf(id), 0);
    }

    QTemporaryDir dir;
    QNetworkAccessManager network;
    ApiClient client;
    //! OpenApiBackend as it is, or its template list request (§2.19) before that lands.
    std::unique_ptr<test::ListingBackend> backend;
    std::unique_ptr<TemplateLibrary> library;
    std::unique_ptr<PreviewCache> previews;
    std::unique_ptr<EffectsBrowser> browser;
};

QString labelText(const QWidget* parent, const char* name) {
    auto* label = parent->findChild<QLabel*>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

} // namespace

class TestEffectsBrowser : public QObject {
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxHost> m_host;

private Q_SLOTS:
    void initTestCase() {
        ui::chooseMediaBackend();
        // The default list (36): kUniqueSearchWord is in one name only.
        m_host = std::make_unique<sandbox::SandboxHost>();
        QVERIFY2(m_host->start(), qPrintable(m_host->errorString()));
    }

    void cleanup() { m_host->clearFaults(); }

    void listsEveryTemplateOfEveryPage() {
        sandbox::SandboxConfig config;
        config.templateCount = 120; // three pages of 50
        sandbox::SandboxHost host(config);
        QVERIFY2(host.start(), qPrintable(host.errorString()));
        Browsing b(host);
        QVERIFY(b.backend);
        b.browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.browser.get()));
        QCOMPARE(b.browser->emptyText(), QStringLiteral("Loading effects…"));
        QVERIFY(b.refresh());
        QCOMPARE(b.browser->model()->rowCount(), 120);
        QSet<qint64> ids;
        for (int row = 0; row < 120; ++row)
            ids.insert(
                b.browser->model()->index(row, 0).data(TemplateListModel::IdRole).toLongLong());
        QCOMPARE(ids.size(), 120);
        for (const qint64 id :
             {templates::kAudienceReactionId, templates::kNotActivatedId,
              templates::kLowQualityOnlyId, templates::kTwoImageId, templates::kTextOnlyId})
            QVERIFY2(ids.contains(id), qPrintable(QString::number(id)));
        QVERIFY(b.browser->emptyText().isEmpty());
        QVERIFY(b.browser->view()->isVisible());
        QVERIFY2(labelText(b.browser.get(), "effectStatus").startsWith(QLatin1String("Updated ")),
                 qPrintable(labelText(b.browser.get(), "effectStatus")));

        // The cards in view get their stills: downloaded, then decoded at the card's size.
        const QModelIndex first = b.browser->model()->index(0, 0);
        const QString still = first.data(TemplateListModel::ThumbnailUrlRole).toString();
        QVERIFY(!still.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!b.previews->cachedFile(still).isEmpty(), 15000);
        const QString file = b.previews->cachedFile(still);
        QTRY_VERIFY_WITH_TIMEOUT(b.browser->stills()->contains(file), 15000);
        const QImage decoded = b.browser->stills()->image(file);
        const QSize card = b.browser->stills()->scaledSize();
        QVERIFY(decoded.width() <= card.width() + 1 || decoded.height() <= card.height() + 1);
        QCOMPARE(b.browser->stills()->stats().loadsOnGuiThread, 0);
    }

    void cardsSayWhatEachTemplateNeeds() {
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        auto texts = [&](qint64 id) { return EffectCardDelegate::cardTexts(b.indexOf(id)); };
        QCOMPARE(texts(templates::kAudienceReactionId).needs, QStringLiteral("1 image"));
        QCOMPARE(texts(templates::kTwoImageId).needs, QStringLiteral("2 images"));
        QCOMPARE(texts(templates::kTextOnlyId).needs, QStringLiteral("Text only"));
        QCOMPARE(texts(templates::kLowQualityOnlyId).qualities, QStringLiteral("Up to 540p"));
        QCOMPARE(texts(templates::kAudienceReactionId).qualities, QStringLiteral("Any quality"));
        QVERIFY(texts(templates::kNotActivatedId).badge.isEmpty()); // the list does not say

        // A generate answered 500070 taught the library: the card is badged and greyed.
        b.library->markNeedsActivation(templates::kNotActivatedId);
        QCOMPARE(texts(templates::kNotActivatedId).badge, QStringLiteral("Needs activation"));
        const QString tip = EffectCardDelegate::toolTipText(b.indexOf(templates::kNotActivatedId));
        QVERIFY2(tip.contains(QLatin1String("Activate it on the PixVerse platform")),
                 qPrintable(tip));
        QVERIFY(b.browser->selectTemplate(templates::kNotActivatedId));
        QVERIFY(
            labelText(b.browser.get(), "effectDetails").contains(QLatin1String("not activated")));
    }

    void searchFiltersAsYouType() {
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        b.browser->show();
        b.browser->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(b.browser.get()));
        // Ctrl+F goes to the search field from the cards.
        b.browser->view()->setFocus();
        QTest::keyClick(b.browser->view(), Qt::Key_F, Qt::ControlModifier);
        auto* search = b.browser->findChild<QLineEdit*>(QStringLiteral("effectSearch"));
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QLatin1String(templates::kUniqueSearchWord));
        QCOMPARE(b.browser->model()->rowCount(), 1);
        QVERIFY(b.browser->model()
                    ->index(0, 0)
                    .data(TemplateListModel::NameRole)
                    .toString()
                    .contains(QLatin1String(templates::kUniqueSearchWord)));
        QVERIFY(b.browser->emptyText().isEmpty());
        QTest::keyClicks(search, QStringLiteral("zzqx"));
        QCOMPARE(b.browser->model()->rowCount(), 0);
        QCOMPARE(b.browser->emptyText(), QStringLiteral("No effect matches the search."));
        search->clear();
        QCOMPARE(b.browser->model()->rowCount(), templates::kDefaultTemplateCount);
        // Down goes from the search to the cards, the first one chosen.
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Down);
        QVERIFY(b.browser->view()->hasFocus());
        QCOMPARE(b.browser->view()->currentIndex().row(), 0);
    }

    void categoryFilter() {
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        b.browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.browser.get()));
        auto* category = b.browser->findChild<QComboBox*>(QStringLiteral("effectCategory"));
        QVERIFY(category->isVisible());
        const QStringList categories = b.browser->model()->categories();
        QVERIFY(categories.size() >= 2);
        QCOMPARE(category->count(), categories.size() + 1);
        category->setCurrentIndex(2);
        const QString chosen = category->currentData().toString();
        QCOMPARE(chosen, categories.at(1));
        const int shown = b.browser->model()->rowCount();
        QVERIFY(shown > 0 && shown < templates::kDefaultTemplateCount);
        for (int row = 0; row < shown; ++row)
            QCOMPARE(b.browser->model()->index(row, 0).data(TemplateListModel::CategoryRole),
                     QVariant(chosen));
        category->setCurrentIndex(0);
        QCOMPARE(b.browser->model()->rowCount(), templates::kDefaultTemplateCount);

        // A list without categories hides the selector.
        EffectTemplate plain;
        plain.id = 1;
        plain.name = QStringLiteral("Plain");
        b.library->replaceTemplates({plain});
        QVERIFY(!category->isVisible());
    }

    void selectionPlaysThePreview() {
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        b.browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.browser.get()));
        QVERIFY(b.browser->selectTemplate(templates::kTwoImageId));
        PreviewPlayer* player = b.browser->previewPlayer();
        QCOMPARE(player->currentId(), templates::kTwoImageId);
        const QString url =
            b.indexOf(templates::kTwoImageId).data(TemplateListModel::PreviewUrlRole).toString();
        // Downloaded into the cache first, then played from the file: frames arrive.
        QTRY_VERIFY_WITH_TIMEOUT(player->framesShown() > 0, 20000);
        QCOMPARE(player->playingFile(), b.previews->cachedFile(url));
        QVERIFY(!player->frame().isNull());
        QVERIFY(player->isPlaying());
        const QSize box = player->decodedSize();
        QVERIFY(player->frame().width() <= box.width() && player->frame().height() <= box.height());
        // Muted: frames are decoded by ffmpeg's libraries, nothing plays sound.
        QVERIFY(b.browser->findChildren<QAudioOutput*>().isEmpty());
        QVERIFY(b.browser->findChildren<QMediaPlayer*>().isEmpty());
        // Looped: frames keep coming after the clip's last (more than a whole pass).
        const int clipFrames = player->clipFrameCount();
        QVERIFY(clipFrames > 1);
        const int before = player->framesShown();
        QTRY_VERIFY_WITH_TIMEOUT(player->framesShown() > before + clipFrames + 2, 20000);
        QVERIFY(player->isPlaying());

        // Another card takes the one player.
        const int atSwitch = player->framesShown();
        QVERIFY(b.browser->selectTemplate(templates::kAudienceReactionId));
        QCOMPARE(player->currentId(), templates::kAudienceReactionId);
        QTRY_VERIFY_WITH_TIMEOUT(player->framesShown() > atSwitch, 20000);
        QCOMPARE(player->playingFile(),
                 b.previews->cachedFile(b.indexOf(templates::kAudienceReactionId)
                                            .data(TemplateListModel::PreviewUrlRole)
                                            .toString()));
    }

    void aStaleDecodingIsIgnored() {
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        b.browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.browser.get()));
        PreviewPlayer* player = b.browser->previewPlayer();
        const qint64 first = templates::kTwoImageId;
        const qint64 second = templates::kAudienceReactionId;
        const QString firstUrl =
            b.indexOf(first).data(TemplateListModel::PreviewUrlRole).toString();
        const QString secondUrl =
            b.indexOf(second).data(TemplateListModel::PreviewUrlRole).toString();
        // Both clips downloaded into the cache: from now on a play() starts decoding at once.
        QVERIFY(b.browser->selectTemplate(first));
        QTRY_VERIFY_WITH_TIMEOUT(player->framesShown() > 0, 20000);
        QVERIFY(b.browser->selectTemplate(second));
        QTRY_VERIFY_WITH_TIMEOUT(player->playingFile() == b.previews->cachedFile(secondUrl) &&
                                     player->isPlaying(),
                                 20000);
        player->stop();
        QVERIFY(!player->isPlaying());

        // Stopped while decoding: the decoded clip is dropped.
        QSignalSpy frames(player, &PreviewPlayer::frameChanged);
        player->play(first, firstUrl);
        QCOMPARE(player->playingFile(), b.previews->cachedFile(firstUrl));
        player->stop();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(20000));
        QCoreApplication::processEvents(); // the decoding's finished() is delivered
        QCOMPARE(player->currentId(), 0);
        QVERIFY(player->frame().isNull());
        QVERIFY(!player->isPlaying());
        QCOMPARE(frames.size(), 1); // only stop()'s: the card shows its still again

        // Another clip chosen while the first decodes: only the second one's frames show.
        frames.clear();
        player->play(first, firstUrl);
        player->play(second, secondUrl);
        QVERIFY(QThreadPool::globalInstance()->waitForDone(20000));
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() > 3, 20000);
        QCOMPARE(frames.at(0).at(0).toLongLong(), first); // play(second) stopped the first
        for (qsizetype i = 1; i < frames.size(); ++i)
            QCOMPARE(frames.at(i).at(0).toLongLong(), second);
        QCOMPARE(player->currentId(), second);
        QCOMPARE(player->playingFile(), b.previews->cachedFile(secondUrl));
        // The pictures shown are the second clip's (the first one's decoding came to nothing).
        const DecodedClip secondClip =
            decodeClip(b.previews->cachedFile(secondUrl), player->decodedSize());
        QCOMPARE(player->clipFrameCount(), secondClip.frames.size());
        QVERIFY(secondClip.frames.contains(player->frame()));
        const DecodedClip firstClip =
            decodeClip(b.previews->cachedFile(firstUrl), player->decodedSize());
        QVERIFY(!firstClip.frames.contains(player->frame()));
    }

    void aFailedPreviewLeavesTheListUsable_data() {
        QTest::addColumn<bool>("fault");
        QTest::newRow("missing clip") << false;
        QTest::newRow("server error") << true;
    }
    void aFailedPreviewLeavesTheListUsable() {
        QFETCH(bool, fault);
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        QList<EffectTemplate> list = b.library->templates();
        const EffectTemplate good = *b.library->find(templates::kAudienceReactionId);
        EffectTemplate& broken = list[1];
        if (fault) {
            // The sandbox fails the download of this clip with HTTP 500.
            sandbox::SandboxFault failure;
            failure.kind = sandbox::SandboxFault::Kind::HttpStatus;
            failure.httpStatus = 500;
            failure.pathContains = QUrl(broken.previewUrl).path();
            failure.count = -1;
            m_host->injectFault(failure);
        } else {
            broken.previewUrl =
                m_host->baseUrl().resolved(QUrl(QStringLiteral("/no/such.mp4"))).toString();
        }
        b.library->replaceTemplates(list);
        b.browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.browser.get()));
        QVERIFY(b.browser->selectTemplate(broken.id));
        QTRY_VERIFY_WITH_TIMEOUT(b.browser->cardDelegate()->previewFailed(broken.id), 20000);
        QVERIFY2(
            labelText(b.browser.get(), "effectDetails").startsWith(QLatin1String("No preview: ")),
            qPrintable(labelText(b.browser.get(), "effectDetails")));
        QCOMPARE(EffectCardDelegate::cardTexts(b.indexOf(broken.id), true).note,
                 QStringLiteral("No preview"));
        QCOMPARE(b.browser->model()->rowCount(), list.size()); // the card stays
        QVERIFY(b.browser->emptyText().isEmpty());

        // The list goes on: another card plays, and the broken one can still be chosen.
        QVERIFY(b.browser->selectTemplate(good.id));
        QTRY_VERIFY_WITH_TIMEOUT(b.browser->previewPlayer()->framesShown() > 0, 20000);
        QSignalSpy chosen(b.browser.get(), &EffectsBrowser::templateChosen);
        QVERIFY(b.browser->selectTemplate(broken.id));
        QTest::keyClick(b.browser->view(), Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.constFirst().constFirst().value<EffectTemplate>().id, broken.id);
    }

    void enterDoubleClickAndTheButtonChoose() {
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        b.browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.browser.get()));
        QSignalSpy chosen(b.browser.get(), &EffectsBrowser::templateChosen);
        auto chosenId = [&](int i) { return chosen.at(i).constFirst().value<EffectTemplate>().id; };

        QListView* view = b.browser->view();
        view->setFocus();
        QVERIFY(b.browser->selectTemplate(templates::kAudienceReactionId));
        QTest::keyClick(view, Qt::Key_Right); // arrows move between cards
        const qint64 next = b.browser->selectedId();
        QVERIFY(next != templates::kAudienceReactionId && next != 0);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosenId(0), next);
        QCOMPARE(chosen.constFirst().constFirst().value<EffectTemplate>(), *b.library->find(next));

        const QModelIndex two = b.indexOf(templates::kTwoImageId);
        view->scrollTo(two);
        const QPoint centre = view->visualRect(two).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(chosen.size(), 2);
        QCOMPARE(chosenId(1), templates::kTwoImageId);
        QCOMPARE(chosen.at(1).constFirst().value<EffectTemplate>().imageCount, 2);

        QVERIFY(b.browser->selectTemplate(templates::kTextOnlyId));
        auto* use = b.browser->findChild<QPushButton*>(QStringLiteral("useEffectButton"));
        QVERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(chosen.size(), 3);
        QCOMPARE(chosenId(2), templates::kTextOnlyId);
    }

    void notOfferedShowsTheSentence() {
        Browsing b(*m_host);
        QVERIFY(b.refresh());
        b.browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.browser.get()));
        QVERIFY(b.browser->selectTemplate(templates::kAudienceReactionId));
        const QString why = QStringLiteral("Effects need a PixVerse platform API key.");
        b.browser->setEffectsOffered(false, why);
        QCOMPARE(b.browser->emptyText(), why);
        QVERIFY(!b.browser->view()->isVisible());
        QVERIFY(b.browser->findChild<QLabel*>(QStringLiteral("effectMessage"))->isVisible());
        QVERIFY(!b.browser->findChild<QLineEdit*>(QStringLiteral("effectSearch"))->isEnabled());
        QVERIFY(
            !b.browser->findChild<QPushButton*>(QStringLiteral("useEffectButton"))->isEnabled());
        QCOMPARE(b.browser->previewPlayer()->currentId(), 0);
        b.browser->setEffectsOffered(true);
        QVERIFY(b.browser->emptyText().isEmpty());
        QVERIFY(b.browser->view()->isVisible());
    }

    void aFailedFirstLoadSaysWhy() {
        Browsing b(*m_host);
        sandbox::SandboxFault failure;
        failure.kind = sandbox::SandboxFault::Kind::HttpStatus;
        failure.httpStatus = 404; // not retried: the answer comes at once
        failure.pathContains = QStringLiteral("effects/templates/list");
        failure.count = -1;
        m_host->injectFault(failure);
        b.browser->show();
        QSignalSpy finished(b.library.get(), &TemplateLibrary::refreshFinished);
        b.library->refresh(true);
        QVERIFY(finished.wait(30000));
        const QString error = finished.constFirst().constFirst().toString();
        QVERIFY(!error.isEmpty());
        QCOMPARE(b.browser->emptyText(),
                 QStringLiteral("The effects could not be loaded. %1").arg(error));
        // The refresh button tries again and the list comes.
        m_host->clearFaults();
        finished.clear();
        QTest::mouseClick(b.browser->findChild<QWidget*>(QStringLiteral("effectRefresh")),
                          Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.constFirst().constFirst().toString().isEmpty());
        QCOMPARE(b.browser->model()->rowCount(), templates::kDefaultTemplateCount);
        QVERIFY(b.browser->emptyText().isEmpty());
    }
};

QTEST_MAIN(TestEffectsBrowser)
#include "tst_effectsbrowser.moc"
