// Issue 16, lineage in the gallery: a take made from another shows "from …" under its prompt; a
// click there (or "Go to Parent") selects the parent; "Show Family" limits the gallery to the
// take's ancestors and descendants until the chip is cleared; removing a parent keeps its
// children, whose link then says the take was removed. Real store, real widgets.
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/support/TestSupport.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/ThumbnailMaker.h"

#include <QAction>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace pixverse;
using namespace pixverse::test;

class TestGalleryLineage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() {
        m_pane.reset();
        m_store.reset();
    }
    void theLinkSelectsTheParent();
    void goToParentFromTheKeyboard();
    void showFamilyFiltersUntilCleared();
    void removingAParentKeepsItsChildren();
    void theMenusListTheActions();

private:
    qint64 add(const QString& prompt, GenerationMode mode, qint64 parent);
    QModelIndex shown(qint64 id) const {
        return m_pane->filterModel()->mapFromSource(m_pane->model()->indexOf(id));
    }
    QList<qint64> shownIds() const {
        QList<qint64> ids;
        for (int row = 0; row < m_pane->filterModel()->rowCount(); ++row)
            ids << m_pane->filterModel()->jobId(row);
        return ids;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobsPane> m_pane;
    qint64 m_take = 0, m_extended = 0, m_upscaled = 0, m_sibling = 0, m_other = 0;
};

qint64 TestGalleryLineage::add(const QString& prompt, GenerationMode mode, qint64 parent) {
    Job job;
    job.request = JobTestBed::request(prompt);
    job.request.mode = mode;
    job.request.parentJobId = parent;
    job.state = JobState::Done;
    job.videoId = 5000 + m_store->jobs().size();
    job.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600 + 10 * m_store->jobs().size());
    const Result<Job> added = m_store->add(job);
    return added.ok() ? added.value->id : 0;
}

void TestGalleryLineage::init() {
    m_store = std::make_unique<JobStore>();
    QVERIFY(m_store->open(m_dir.filePath(
        QStringLiteral("data-%1").arg(QLatin1String(QTest::currentTestFunction())))));
    m_take = add(QStringLiteral("A lighthouse in a storm at night, waves crash over the rocks"),
                 GenerationMode::TextToVideo, 0);
    m_extended = add(QStringLiteral("The storm clears"), GenerationMode::Extend, m_take);
    m_upscaled = add(QString(), GenerationMode::Upscale, m_extended);
    m_sibling = add(QString(), GenerationMode::SoundEffect, m_take);
    m_other = add(QStringLiteral("A cat on a windowsill"), GenerationMode::TextToVideo, 0);
    QVERIFY(m_take && m_extended && m_upscaled && m_sibling && m_other);
    m_pane = std::make_unique<JobsPane>(m_store.get(), nullptr);
    m_pane->thumbnailMaker()->setOutputDir(m_dir.filePath(QStringLiteral("thumbnails")));
    m_pane->resize(1000, 760);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TestGalleryLineage::theLinkSelectsTheParent() {
    const QModelIndex extended = shown(m_extended);
    QCOMPARE(extended.data(JobListModel::ParentIdRole).toLongLong(), m_take);
    const JobCardDelegate::CardTexts texts = JobCardDelegate::cardTexts(extended);
    QCOMPARE(texts.parent, QStringLiteral("from “A lighthouse in a storm at night, waves…”"));
    QCOMPARE(texts.mode, QStringLiteral("Extend"));
    QVERIFY(JobCardDelegate::cardTexts(shown(m_take)).parent.isEmpty());
    QCOMPARE(JobCardDelegate::cardTexts(shown(m_upscaled)).parent,
             QStringLiteral("from “The storm clears”"));
    // A parent without a prompt is named by its mode.
    // Upscale uses no model: its card shows the size that came back, not "V4.5 · 540p".
    QCOMPARE(JobCardDelegate::cardTexts(shown(m_extended)).settings, QStringLiteral("V4.5 · 540p"));
    QVERIFY(JobCardDelegate::cardTexts(shown(m_upscaled)).settings.isEmpty());
    QVERIFY(m_store->modify(m_upscaled, [](Job& job) {
        job.videoWidth = 1920;
        job.videoHeight = 1080;
    }));
    QCOMPARE(JobCardDelegate::cardTexts(shown(m_upscaled)).settings, QStringLiteral("1920×1080"));
    const Job upscaled = *m_store->job(m_upscaled);
    QCOMPARE(JobListModel::parentText(&upscaled), QStringLiteral("from Upscale"));

    // A click on the painted link selects the parent.
    JobGalleryView* view = m_pane->view();
    QVERIFY(view->selectJob(m_other));
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = view->font();
    option.rect = view->visualRect(extended);
    const QRect link = view->cardDelegate()->parentLinkRect(option, extended);
    QVERIFY(!link.isEmpty());
    QVERIFY(option.rect.contains(link));
    QVERIFY(view->cardDelegate()->parentLinkRect(option, shown(m_take)).isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, link.center());
    QCOMPARE(view->currentJobId(), m_take);
    QCOMPARE(view->selectedJobIds(), QList<qint64>{m_take});
    // The link is painted in the palette's link colour.
    const QImage shot = view->viewport()->grab().toImage();
    const qreal scale = shot.devicePixelRatio();
    const QColor linkColour = view->palette().color(QPalette::Link);
    int linkPixels = 0;
    for (int y = qRound(link.top() * scale); y < qRound(link.bottom() * scale); ++y) {
        for (int x = qRound(link.left() * scale); x < qRound(link.right() * scale); ++x) {
            const QColor c = shot.pixelColor(x, y);
            linkPixels += std::abs(c.hue() - linkColour.hue()) < 12 && c.saturation() > 80;
        }
    }
    QVERIFY2(linkPixels > 20, qPrintable(QString::number(linkPixels)));
}

void TestGalleryLineage::goToParentFromTheKeyboard() {
    JobGalleryView* view = m_pane->view();
    QVERIFY(view->selectJob(m_upscaled));
    QAction* goToParent = m_pane->action(JobsPane::Action::GoToParent);
    QVERIFY(goToParent->isEnabled());
    view->setFocus();
    m_pane->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(view->currentJobId(), m_extended);
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(view->currentJobId(), m_take);
    // The first take has no parent.
    QVERIFY(!goToParent->isEnabled());
    QVERIFY(!m_pane->goToParent());
    QCOMPARE(view->currentJobId(), m_take);
}

void TestGalleryLineage::showFamilyFiltersUntilCleared() {
    auto* chip = m_pane->findChild<QToolButton*>(QStringLiteral("familyFilterChip"));
    QVERIFY(chip);
    QVERIFY(!chip->isVisible());
    QCOMPARE(shownIds().size(), 5);
    QVERIFY(m_pane->view()->selectJob(m_extended));
    m_pane->action(JobsPane::Action::ShowFamily)->trigger();
    // The extended take, its parent and its child: ancestors and descendants, not the other
    // branch of its parent.
    const QList<qint64> family = shownIds();
    QVERIFY2(family.contains(m_take) && family.contains(m_extended) && family.contains(m_upscaled),
             qPrintable(QString::number(family.size())));
    QVERIFY(!family.contains(m_other));
    QVERIFY(!family.contains(m_sibling));
    QCOMPARE(m_pane->familyShown(), m_extended);
    QVERIFY(chip->isVisible());
    QCOMPARE(chip->text(), QStringLiteral("Family of “The storm clears”"));
    QCOMPARE(m_pane->view()->currentJobId(), m_extended);

    // The first take's family is every take made from it, down the branches.
    m_pane->showFamily(m_take);
    QCOMPARE(shownIds().size(), 4);
    QVERIFY(!shownIds().contains(m_other));

    QTest::mouseClick(chip, Qt::LeftButton);
    QCOMPARE(shownIds().size(), 5);
    QVERIFY(!chip->isVisible());
    QCOMPARE(m_pane->familyShown(), 0);
}

void TestGalleryLineage::removingAParentKeepsItsChildren() {
    QVERIFY(m_pane->view()->selectJob(m_take));
    m_pane->setNextRemoveAnswer(JobsPane::RemoveAnswer::RemoveFromList);
    m_pane->action(JobsPane::Action::Remove)->trigger();
    QVERIFY(!m_store->job(m_take));
    QVERIFY(m_store->job(m_extended));
    QVERIFY(m_store->job(m_sibling));
    QCOMPARE(m_store->job(m_extended)->request.parentJobId, m_take);
    QCOMPARE(JobCardDelegate::cardTexts(shown(m_extended)).parent,
             QStringLiteral("from a removed take"));
    QCOMPARE(JobCardDelegate::cardTexts(shown(m_sibling)).parent,
             QStringLiteral("from a removed take"));
    // Its grandchild still links to its own parent.
    QVERIFY(
        JobCardDelegate::cardTexts(shown(m_upscaled)).parent.startsWith(QStringLiteral("from “")));
    QVERIFY(m_pane->view()->selectJob(m_extended));
    QVERIFY(!m_pane->action(JobsPane::Action::GoToParent)->isEnabled());
    QVERIFY(!m_pane->goToParent());
    QCOMPARE(m_pane->view()->currentJobId(), m_extended);
}

void TestGalleryLineage::theMenusListTheActions() {
    using A = JobsPane::Action;
    QMenu* menu = m_pane->contextMenu();
    for (const A which : {A::Extend, A::LastFrameToStart, A::LastFrameToFirstFrame, A::Upscale,
                          A::SoundEffect, A::LipSync, A::GoToParent, A::ShowFamily}) {
        QAction* action = m_pane->action(which);
        QVERIFY(action);
        QVERIFY(menu->actions().contains(action));
        QVERIFY(!action->shortcut().isEmpty());
    }
    // No two of the pane's actions share a shortcut.
    QSet<QString> keys;
    for (QAction* action : m_pane->view()->actions()) {
        if (action->shortcut().isEmpty())
            continue;
        const QString key = action->shortcut().toString();
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.insert(key);
    }
    // Without an engine nothing can be queued: the continuations are off; the lineage is not.
    QVERIFY(m_pane->view()->selectJob(m_extended));
    QVERIFY(!m_pane->action(A::Upscale)->isEnabled());
    QVERIFY(m_pane->action(A::GoToParent)->isEnabled());
    QVERIFY(m_pane->action(A::ShowFamily)->isEnabled());
    auto* toolButton = m_pane->findChild<QToolButton*>(QStringLiteral("continueButton"));
    QVERIFY(toolButton && toolButton->isVisible());
    QVERIFY(toolButton->menu()->actions().contains(m_pane->action(A::Upscale)));
}

QTEST_MAIN(TestGalleryLineage)
#include "tst_gallery_lineage.moc"
