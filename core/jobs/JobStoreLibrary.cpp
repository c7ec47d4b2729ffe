// The library side of JobStore (issue 18): groups of takes, boards, tags, the prompt search.
// Schema 7 keeps them (JobRows); the mirror keeps indexes so that the gallery's paint, the tag
// completion and the boards panel never scan every job.
#include "core/jobs/JobRows.h"
#include "core/jobs/JobStore.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace pixverse {

namespace {

//! `text` as an FTS5 query: every word a quoted prefix token ("word"*, quotes doubled), so that
//! FTS syntax in the text (`*`, `-`, `:`, `"`, AND, NEAR) is only ever searched for. A word without
//! a letter or a digit has nothing the index holds and is left out. Empty: nothing to match.
QString matchQuery(const QString& text) {
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList tokens;
    for (QString word : text.split(spaces, Qt::SkipEmptyParts)) {
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        tokens << u'"' + word.replace(u'"', QStringLiteral("\"\"")) + QStringLiteral("\"*");
    }
    return tokens.join(u' ');
}

} // namespace

bool JobStore::loadBoards() {
    m_boards.clear();
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name, folder FROM boards"))) {
        m_error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        const Board board{query.value(0).toLongLong(), query.value(1).toString(),
                          query.value(2).toString()};
        m_boards.insert(board.id, board);
    }
    return true;
}

void JobStore::cleanMarks(Job& job) const {
    QStringList tags;
    for (const QString& tag : std::as_const(job.tags)) {
        const QString word = tag.simplified();
        if (!word.isEmpty() && !tags.contains(word, Qt::CaseInsensitive))
            tags << word;
    }
    job.tags = tags;
    QList<qint64> boards;
    for (const qint64 id : std::as_const(job.boards)) {
        if (m_boards.contains(id) && !boards.contains(id))
            boards << id;
    }
    std::sort(boards.begin(), boards.end());
    job.boards = boards;
}

void JobStore::index(const Job& job) {
    if (job.groupId != 0) {
        QList<qint64>& takes = m_groups[job.groupId];
        const auto at =
            std::lower_bound(takes.begin(), takes.end(), job, [this](qint64 id, const Job& take) {
                const Job& other = *m_jobs.constFind(id);
                return other.takeIndex != take.takeIndex ? other.takeIndex < take.takeIndex
                                                         : id < take.id;
            });
        takes.insert(at, job.id);
    }
    for (const QString& tag : job.tags)
        ++m_tagUses[tag];
    if (!job.tags.isEmpty())
        m_tagsStale = true;
    for (const qint64 board : job.boards)
        ++m_boardUses[board];
    m_queueEnd = std::max(m_queueEnd, job.queueOrder);
}

void JobStore::unindex(const Job& job) {
    if (job.groupId != 0) {
        const auto takes = m_groups.find(job.groupId);
        if (takes != m_groups.end()) {
            takes->removeOne(job.id);
            if (takes->isEmpty())
                m_groups.erase(takes);
        }
    }
    for (const QString& tag : job.tags) {
        if (--m_tagUses[tag] <= 0)
            m_tagUses.remove(tag);
    }
    if (!job.tags.isEmpty())
        m_tagsStale = true;
    for (const qint64 board : job.boards) {
        if (--m_boardUses[board] <= 0)
            m_boardUses.remove(board);
    }
}

Result<QList<Job>> JobStore::addGroup(QList<Job> jobs) {
    return addNew(std::move(jobs), true);
}

QList<Job> JobStore::group(qint64 groupId) const {
    QList<Job> takes;
    const auto ids = m_groups.constFind(groupId);
    if (groupId == 0 || ids == m_groups.cend())
        return takes;
    takes.reserve(ids->size());
    for (const qint64 id : *ids)
        takes << *m_jobs.constFind(id);
    return takes;
}

QList<Board> JobStore::boards() const {
    QList<Board> all = m_boards.values();
    std::sort(all.begin(), all.end(), [](const Board& a, const Board& b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return all;
}

std::optional<Board> JobStore::board(qint64 boardId) const {
    const auto found = m_boards.constFind(boardId);
    if (found == m_boards.cend())
        return std::nullopt;
    return *found;
}

Result<Board> JobStore::checkBoard(Board board) const {
    board.name = board.name.simplified();
    board.folder = board.folder.trimmed().isEmpty() ? QString() : QDir::cleanPath(board.folder);
    if (!isOpen())
        return Result<Board>::failure(ApiError::input(tr("The job database is not open.")));
    if (board.name.isEmpty())
        return Result<Board>::failure(ApiError::input(tr("A board needs a name.")));
    // Qt compares every script case-insensitively; SQLite's NOCASE only ASCII.
    for (const Board& other : m_boards) {
        if (other.id != board.id && other.name.compare(board.name, Qt::CaseInsensitive) == 0)
            return Result<Board>::failure(ApiError::input(
                tr("There is already a board named “%1”. Choose another name.").arg(other.name)));
    }
    return Result<Board>::success(board);
}

Result<Board> JobStore::addBoard(const QString& name, const QString& folder) {
    const Result<Board> checked = checkBoard(Board{0, name, folder});
    if (!checked.ok())
        return checked;
    Board board = *checked.value;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("INSERT INTO boards (name, folder) VALUES (?, ?)"));
    query.addBindValue(board.name);
    query.addBindValue(board.folder.isNull() ? QStringLiteral("") : board.folder);
    if (!query.exec()) {
        const QString error =
            tr("Cannot save the board “%1”: %2").arg(board.name, query.lastError().text());
        qCWarning(lcJobs).noquote() << error;
        return Result<Board>::failure(ApiError::input(error));
    }
    board.id = query.lastInsertId().toLongLong();
    m_boards.insert(board.id, board);
    qCInfo(lcJobs) << "board" << board.id << "added";
    Q_EMIT boardsChanged();
    return Result<Board>::success(board);
}

Result<Board> JobStore::updateBoard(const Board& changed) {
    if (!m_boards.contains(changed.id))
        return Result<Board>::failure(ApiError::input(tr("There is no such board.")));
    const Result<Board> checked = checkBoard(changed);
    if (!checked.ok())
        return checked;
    const Board board = *checked.value;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("UPDATE boards SET name = ?, folder = ? WHERE id = ?"));
    query.addBindValue(board.name);
    query.addBindValue(board.folder.isNull() ? QStringLiteral("") : board.folder);
    query.addBindValue(board.id);
    if (!query.exec()) {
        const QString error =
            tr("Cannot save the board “%1”: %2").arg(board.name, query.lastError().text());
        qCWarning(lcJobs).noquote() << error;
        return Result<Board>::failure(ApiError::input(error));
    }
    if (m_boards.value(board.id) != board) {
        m_boards.insert(board.id, board);
        Q_EMIT boardsChanged();
    }
    return Result<Board>::success(board);
}

bool JobStore::removeBoard(qint64 boardId) {
    if (!isOpen() || !m_boards.contains(boardId))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    bool ok = db.transaction();
    for (const QString& statement : {QStringLiteral("DELETE FROM job_boards WHERE board_id = ?"),
                                     QStringLiteral("DELETE FROM boards WHERE id = ?")}) {
        ok = ok && query.prepare(statement);
        query.addBindValue(boardId);
        ok = ok && query.exec();
    }
    if (!ok || !db.commit()) {
        qCWarning(lcJobs).noquote()
            << "board" << boardId << "not removed:" << query.lastError().text()
            << db.lastError().text();
        db.rollback();
        return false;
    }
    m_boards.remove(boardId);
    QList<qint64> changed;
    if (m_boardUses.contains(boardId)) {
        for (Job& job : m_jobs) {
            if (job.boards.removeOne(boardId))
                changed << job.id;
        }
        m_boardUses.remove(boardId);
    }
    qCInfo(lcJobs) << "board" << boardId << "removed from" << changed.size() << "jobs";
    for (const qint64 id : std::as_const(changed))
        Q_EMIT jobChanged(id);
    Q_EMIT boardsChanged();
    return true;
}

int JobStore::boardJobCount(qint64 boardId) const {
    return m_boardUses.value(boardId);
}

QStringList JobStore::allTags() const {
    if (m_tagsStale) {
        m_tagsByUse = m_tagUses.keys();
        std::sort(m_tagsByUse.begin(), m_tagsByUse.end(),
                  [this](const QString& a, const QString& b) {
                      const int usesA = m_tagUses.value(a);
                      const int usesB = m_tagUses.value(b);
                      if (usesA != usesB)
                          return usesA > usesB;
                      const int byName = a.compare(b, Qt::CaseInsensitive);
                      return byName != 0 ? byName < 0 : a < b;
                  });
        m_tagsStale = false;
    }
    return m_tagsByUse;
}

const QList<qint64>& JobStore::newestFirst() const {
    if (m_orderStale) {
        QList<std::pair<qint64, qint64>> byTime; // (created ms, id)
        byTime.reserve(m_jobs.size());
        for (const Job& job : m_jobs)
            byTime.append({job.createdAt.toMSecsSinceEpoch(), job.id});
        std::sort(byTime.begin(), byTime.end(), std::greater<>());
        m_newestFirst.clear();
        m_newestFirst.reserve(byTime.size());
        for (const auto& [created, id] : std::as_const(byTime))
            m_newestFirst.append(id);
        m_orderStale = false;
    }
    return m_newestFirst;
}

QList<qint64> JobStore::searchPrompts(const QString& text) const {
    const QString match = matchQuery(text);
    if (match.isEmpty())
        return newestFirst();
    if (!isOpen())
        return {};
    // The ids as one text, joined by SQLite: a row per id through QSqlQuery costs more than the
    // search itself when a first letter matches most of 10,000 jobs.
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT group_concat(rowid) FROM jobs_fts WHERE jobs_fts MATCH ?"));
    query.addBindValue(match);
    if (!query.exec() || !query.next()) {
        qCWarning(lcJobs).noquote() << "prompt search failed:" << query.lastError().text();
        return {};
    }
    QList<qint64> hits;
    const QString joined = query.value(0).toString();
    for (const QStringView id : QStringView(joined).split(u',', Qt::SkipEmptyParts))
        hits.append(id.toLongLong());
    std::sort(hits.begin(), hits.end());
    // Newest first, as the gallery shows them: the store's order, kept until a job comes or goes.
    QList<qint64> ids;
    ids.reserve(hits.size());
    for (const qint64 id : newestFirst()) {
        if (std::binary_search(hits.cbegin(), hits.cend(), id))
            ids.append(id);
    }
    return ids;
}

} // namespace pixverse
