// The library side of JobStore (issue 18): groups of takes, boards, tags, the prompt search.
// CONTRACT STUB: boards live in memory, the job's library fields are not yet columns and the
// search scans the mirror; the "store" helper replaces this with schema 7 and FTS5.
#include "core/jobs/JobStore.h"

#include <QHash>

#include <algorithm>

namespace pixverse {

Result<QList<Job>> JobStore::addGroup(QList<Job> jobs) {
    QList<Job> added;
    qint64 groupId = 0;
    for (int i = 0; i < jobs.size(); ++i) {
        Result<Job> one = add(jobs.at(i));
        if (!one.ok())
            return Result<QList<Job>>::failure(one.error);
        Job job = *one.value;
        if (groupId == 0)
            groupId = job.id;
        job.groupId = groupId;
        job.takeIndex = i;
        update(job);
        added.append(job);
    }
    return Result<QList<Job>>::success(added);
}

QList<Job> JobStore::group(qint64 groupId) const {
    QList<Job> takes;
    if (groupId == 0)
        return takes;
    for (const Job& job : m_jobs) {
        if (job.groupId == groupId)
            takes.append(job);
    }
    std::sort(takes.begin(), takes.end(),
              [](const Job& a, const Job& b) { return a.takeIndex < b.takeIndex; });
    return takes;
}

QList<Board> JobStore::boards() const {
    QList<Board> all = m_boards.values();
    std::sort(all.begin(), all.end(), [](const Board& a, const Board& b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return all;
}

std::optional<Board> JobStore::board(qint64 boardId) const {
    const auto found = m_boards.constFind(boardId);
    if (found == m_boards.cend())
        return std::nullopt;
    return *found;
}

Result<Board> JobStore::addBoard(const QString& name, const QString& folder) {
    Board board;
    board.id = m_boards.isEmpty() ? 1 : m_boards.lastKey() + 1;
    board.name = name.trimmed();
    board.folder = folder;
    if (board.name.isEmpty())
        return Result<Board>::failure(ApiError::input(tr("A board needs a name.")));
    m_boards.insert(board.id, board);
    Q_EMIT boardsChanged();
    return Result<Board>::success(board);
}

Result<Board> JobStore::updateBoard(const Board& board) {
    if (!m_boards.contains(board.id))
        return Result<Board>::failure(ApiError::input(tr("There is no such board.")));
    m_boards.insert(board.id, board);
    Q_EMIT boardsChanged();
    return Result<Board>::success(board);
}

bool JobStore::removeBoard(qint64 boardId) {
    if (m_boards.remove(boardId) == 0)
        return false;
    Q_EMIT boardsChanged();
    return true;
}

int JobStore::boardJobCount(qint64 boardId) const {
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                             [boardId](const Job& job) { return job.boards.contains(boardId); }));
}

QStringList JobStore::allTags() const {
    QHash<QString, int> uses;
    for (const Job& job : m_jobs) {
        for (const QString& tag : job.tags)
            ++uses[tag];
    }
    QStringList tags = uses.keys();
    std::sort(tags.begin(), tags.end(), [&uses](const QString& a, const QString& b) {
        return uses.value(a) != uses.value(b) ? uses.value(a) > uses.value(b) : a < b;
    });
    return tags;
}

QList<qint64> JobStore::searchPrompts(const QString& text) const {
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    QList<qint64> ids;
    for (auto it = m_jobs.cend(); it != m_jobs.cbegin();) {
        --it;
        const QString& prompt = it->request.prompt;
        if (std::all_of(words.cbegin(), words.cend(), [&prompt](const QString& word) {
                return prompt.contains(word, Qt::CaseInsensitive);
            }))
            ids.append(it->id);
    }
    return ids;
}

} // namespace pixverse
