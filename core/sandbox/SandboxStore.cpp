#include "core/sandbox/SandboxStore.h"

#include "core/sandbox/ModeRoutes.h"
#include "core/sandbox/ObjectStore.h"
#include "core/sandbox/SandboxState.h"
#include "core/sandbox/WebRoutes.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringList>

#include <algorithm>
#include <array>
#include <atomic>

namespace pixverse::sandbox {

namespace {

// Files in the state folder.
constexpr QLatin1String kDatabaseName("sandbox-state.sqlite");
constexpr QLatin1String kLockName("sandbox-state.lock");
constexpr QLatin1String kBlobsDir("blobs");
// Record names: single ones, and "<kind>/<key>" prefixes.
constexpr QLatin1String kClock("clock");
constexpr QLatin1String kCounters("counters");
constexpr QLatin1String kStats("stats");
constexpr QLatin1String kAccount("account/");
constexpr QLatin1String kVideo("video/");
constexpr QLatin1String kImage("image/");
constexpr QLatin1String kObject("object/");
constexpr QLatin1String kMedia("media/");
constexpr QLatin1String kUploaded("upload/"); // /openapi/v2/media/upload: videos and audio
constexpr QLatin1String kSession("session/");
constexpr QLatin1String kTrace("trace/");

std::atomic<int> g_connectionCounter{0};

QString digest(const QString& text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parsed(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}

//! Ids are above 2^53: kept as text so no JSON reader rounds them.
QJsonValue idText(qint64 id) {
    return QString::number(id);
}

qint64 idFrom(const QJsonValue& value) {
    return value.toString().toLongLong();
}

//! Owners (API keys, web e-mails) as stored: an API key only as its digest, so no key is in a
//! file; restoring maps the digest back to a configured key.
class Owners {
public:
    explicit Owners(const SandboxState& state)
        : m_state(state) {
        for (const QString& key : state.m_config.apiKeys)
            m_configured.insert(storedName(key), key);
        for (const auto& account : state.m_config.webAccounts)
            m_configured.insert(storedName(account.first), account.first);
    }
    QString storedName(const QString& owner) const {
        return m_state.webAccountEmail(owner) == owner ? QStringLiteral("web:") + owner
                                                       : QStringLiteral("key:") + digest(owner);
    }
    //! The configured key or e-mail; empty when the configuration no longer has it.
    QString owner(const QString& storedName) const { return m_configured.value(storedName); }

private:
    const SandboxState& m_state;
    QHash<QString, QString> m_configured;
};

QJsonObject videoRecord(const SandboxState::Video& v, const Owners& owners) {
    return QJsonObject{
        {QStringLiteral("owner"), owners.storedName(v.owner)},
        {QStringLiteral("request"), v.request.toJson()},
        {QStringLiteral("seed"), QJsonValue(v.seed)},
        {QStringLiteral("width"), v.size.width()},
        {QStringLiteral("height"), v.size.height()},
        {QStringLiteral("createdAt"), QJsonValue(v.createdAt)},
        {QStringLiteral("finishAt"), QJsonValue(v.finishAt)},
        {QStringLiteral("outcome"), v.outcome},
        {QStringLiteral("settled"), v.settled},
        {QStringLiteral("hasAudio"), v.hasAudio},
        {QStringLiteral("chargedDaily"), QJsonValue(v.chargedDaily)},
        {QStringLiteral("chargedMonthly"), QJsonValue(v.chargedMonthly)},
        {QStringLiteral("chargedPackage"), QJsonValue(v.chargedPackage)},
        {QStringLiteral("cost"), QJsonValue(v.cost)},
        {QStringLiteral("refunded"), v.refunded},
        {QStringLiteral("web"), v.web},
        {QStringLiteral("imageUrl"), v.imageUrl},
        {QStringLiteral("clipSeconds"), v.clipSeconds},
        {QStringLiteral("seconds"), v.seconds},
    };
}

bool sameVideo(const SandboxState::Video& a, const SandboxState::Video& b) {
    return a.id == b.id && a.owner == b.owner && a.request == b.request && a.seed == b.seed &&
           a.size == b.size && a.createdAt == b.createdAt && a.finishAt == b.finishAt &&
           a.outcome == b.outcome && a.settled == b.settled && a.hasAudio == b.hasAudio &&
           a.chargedDaily == b.chargedDaily && a.chargedMonthly == b.chargedMonthly &&
           a.chargedPackage == b.chargedPackage && a.cost == b.cost && a.refunded == b.refunded &&
           a.web == b.web && a.imageUrl == b.imageUrl && a.clipSeconds == b.clipSeconds &&
           a.seconds == b.seconds;
}

SandboxState::Video videoFrom(qint64 id, const QJsonObject& o, const QString& owner) {
    SandboxState::Video v;
    v.id = id;
    v.owner = owner;
    v.request = GenerationRequest::fromJson(o.value(QLatin1String("request")).toObject());
    v.seed = o.value(QLatin1String("seed")).toInteger();
    v.size =
        QSize(o.value(QLatin1String("width")).toInt(), o.value(QLatin1String("height")).toInt());
    v.createdAt = o.value(QLatin1String("createdAt")).toInteger();
    v.finishAt = o.value(QLatin1String("finishAt")).toInteger();
    v.outcome = o.value(QLatin1String("outcome")).toInt(1);
    v.settled = o.value(QLatin1String("settled")).toBool();
    // A state kept before the sandbox had clips with sound has no "hasAudio": it served them
    // silent.
    v.hasAudio = o.value(QLatin1String("hasAudio")).toBool();
    v.chargedDaily = o.value(QLatin1String("chargedDaily")).toInteger();
    v.chargedMonthly = o.value(QLatin1String("chargedMonthly")).toInteger();
    v.chargedPackage = o.value(QLatin1String("chargedPackage")).toInteger();
    // Kept before issue 19: what it still costs is what it cost (a refund left no trace).
    v.cost = o.value(QLatin1String("cost")).toInteger(SandboxState::credits(v));
    v.refunded = o.value(QLatin1String("refunded")).toBool();
    v.web = o.value(QLatin1String("web")).toBool();
    v.imageUrl = o.value(QLatin1String("imageUrl")).toString();
    // Kept before issue 16: every clip was 1 s and the video as long as its request said.
    v.clipSeconds = o.value(QLatin1String("clipSeconds")).toInt(1);
    v.seconds = o.value(QLatin1String("seconds")).toDouble(v.request.duration);
    return v;
}

QJsonObject answerRecord(const SandboxState::CachedAnswer& cached) {
    QJsonArray headers;
    for (const auto& header : cached.answer.headers)
        headers << QJsonArray{QString::fromLatin1(header.first),
                              QString::fromLatin1(header.second)};
    return QJsonObject{
        {QStringLiteral("status"), cached.answer.status},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("body"), QString::fromLatin1(cached.answer.body.toBase64())},
        {QStringLiteral("headOnly"), cached.answer.headOnly},
        {QStringLiteral("expiresAt"), QJsonValue(cached.expiresAt)},
    };
}

SandboxState::CachedAnswer answerFrom(const QJsonObject& o) {
    SandboxState::CachedAnswer cached;
    cached.durable = true;
    cached.expiresAt = o.value(QLatin1String("expiresAt")).toInteger();
    cached.answer.status = o.value(QLatin1String("status")).toInt(200);
    cached.answer.headOnly = o.value(QLatin1String("headOnly")).toBool();
    cached.answer.body =
        QByteArray::fromBase64(o.value(QLatin1String("body")).toString().toLatin1());
    for (const QJsonValue& header : o.value(QLatin1String("headers")).toArray()) {
        const QJsonArray pair = header.toArray();
        cached.answer.headers << qMakePair(pair.at(0).toString().toLatin1(),
                                           pair.at(1).toString().toLatin1());
    }
    return cached;
}

//! The stats that only change with the state (requests, polls and downloads count per run).
QJsonObject statsRecord(const SandboxStats& s) {
    return QJsonObject{{QStringLiteral("uploads"), QJsonValue(s.uploads)},
                       {QStringLiteral("generationsCreated"), QJsonValue(s.generationsCreated)},
                       {QStringLiteral("webLogins"), QJsonValue(s.webLogins)},
                       {QStringLiteral("objectStorePuts"), QJsonValue(s.objectStorePuts)},
                       {QStringLiteral("mediaUploads"), QJsonValue(s.mediaUploads)}};
}

} // namespace

SandboxStore::SandboxStore(QString dir)
    : m_dir(QDir(dir).absolutePath()) {}

SandboxStore::~SandboxStore() {
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool SandboxStore::fail(const QString& message) {
    m_error = message;
    qCWarning(lcSandbox).noquote() << "sandbox state:" << message;
    return false;
}

QString SandboxStore::blobPath(const QString& recordName) const {
    return QDir(m_dir).filePath(kBlobsDir + QLatin1Char('/') + digest(recordName));
}

bool SandboxStore::writeBlob(const QString& recordName, const SandboxState& state) {
    QByteArray bytes;
    if (recordName.startsWith(kImage))
        bytes = state.m_images.value(recordName.mid(kImage.size()).toLongLong()).bytes;
    else if (recordName.startsWith(kUploaded))
        bytes = state.m_modes->m_media.value(recordName.mid(kUploaded.size()).toLongLong()).bytes;
    else if (const ObjectStore::Object* object =
                 state.m_web->m_store.object(recordName.mid(kObject.size())))
        bytes = object->bytes;
    QSaveFile file(blobPath(recordName));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(tr("Cannot write “%1”: %2").arg(file.fileName(), file.errorString()));
    return true;
}

bool SandboxStore::open(SandboxState& state) {
    if (!QDir().mkpath(QDir(m_dir).filePath(kBlobsDir)))
        return fail(tr("Cannot create the folder “%1”.").arg(m_dir));
    m_lock = std::make_unique<QLockFile>(QDir(m_dir).filePath(kLockName));
    m_lock->setStaleLockTime(0); // only a lock whose process is gone is stale
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_lock.reset();
        return fail(tr("The sandbox state in “%1” is in use by another sandbox (process %2).")
                        .arg(m_dir)
                        .arg(pid));
    }
    const QString name = QStringLiteral("pixverse-sandbox-state-%1").arg(++g_connectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(m_dir).filePath(kDatabaseName));
        if (!db.open()) {
            const QString error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return fail(tr("Cannot open the sandbox state in “%1”: %2").arg(m_dir, error));
        }
    }
    m_connection = name;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    // WAL with synchronous=NORMAL: a commit survives the process being killed (the embedded
    // sandbox dies with the CLI), and a request waits for no fsync.
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS records "
                                   "(name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL)")) ||
        !query.exec(QStringLiteral("SELECT name, value FROM records")))
        return fail(
            tr("Cannot read the sandbox state in “%1”: %2").arg(m_dir, query.lastError().text()));
    Records stored;
    while (query.next())
        stored.insert(query.value(0).toString(), query.value(1).toByteArray());
    restore(state, stored);
    restoreClock(state, stored.value(kClock));
    m_written = records(state);
    m_writtenVideos = state.m_videos;
    qCInfo(lcSandbox).noquote() << "sandbox state in" << m_dir << "with" << state.m_videos.size()
                                << "videos";
    return true;
}

SandboxStore::Records SandboxStore::records(const SandboxState& state) const {
    const Owners owners(state);
    Records r;
    for (auto it = state.m_accounts.cbegin(); it != state.m_accounts.cend(); ++it)
        r.insert(kAccount + owners.storedName(it.key()),
                 compact({{QStringLiteral("id"), idText(it->id)},
                          {QStringLiteral("daily"), QJsonValue(it->daily)},
                          {QStringLiteral("monthly"), QJsonValue(it->monthly)},
                          {QStringLiteral("package"), QJsonValue(it->package)}}));
    for (auto it = state.m_images.cbegin(); it != state.m_images.cend(); ++it)
        r.insert(kImage + QString::number(it.key()),
                 compact({{QStringLiteral("owner"), owners.storedName(it->owner)},
                          {QStringLiteral("format"), QString::fromLatin1(it->format)},
                          {QStringLiteral("width"), it->size.width()},
                          {QStringLiteral("height"), it->size.height()}}));
    for (auto it = state.m_modes->m_media.cbegin(); it != state.m_modes->m_media.cend(); ++it)
        r.insert(kUploaded + QString::number(it.key()),
                 compact({{QStringLiteral("owner"), owners.storedName(it->owner)},
                          {QStringLiteral("video"), it->video},
                          {QStringLiteral("mimeType"), QString::fromLatin1(it->mimeType)},
                          {QStringLiteral("extension"), it->extension},
                          {QStringLiteral("width"), it->size.width()},
                          {QStringLiteral("height"), it->size.height()},
                          {QStringLiteral("seconds"), it->seconds},
                          {QStringLiteral("hasAudio"), it->hasAudio}}));
    for (auto it = state.m_traceCache.cbegin(); it != state.m_traceCache.cend(); ++it) {
        if (it->durable)
            r.insert(kTrace + it.key(), compact(answerRecord(*it)));
    }
    const WebRoutes& web = *state.m_web;
    for (auto it = web.m_sessions.cbegin(); it != web.m_sessions.cend(); ++it)
        r.insert(kSession + it.key(),
                 compact({{QStringLiteral("email"), it->email},
                          {QStringLiteral("expiresAt"), QJsonValue(it->expiresAt)},
                          {QStringLiteral("replaced"), it->replaced}}));
    for (auto it = web.m_media.cbegin(); it != web.m_media.cend(); ++it)
        r.insert(kMedia + it.key(), compact({{QStringLiteral("id"), idText(it->id)},
                                             {QStringLiteral("owner"), it->owner},
                                             {QStringLiteral("width"), it->size.width()},
                                             {QStringLiteral("height"), it->size.height()}}));
    for (auto it = web.m_store.m_objects.cbegin(); it != web.m_store.m_objects.cend(); ++it)
        r.insert(kObject + it.key(),
                 compact({{QStringLiteral("owner"), it->owner},
                          {QStringLiteral("contentType"), QString::fromLatin1(it->contentType)},
                          {QStringLiteral("etag"), QString::fromLatin1(it->etag)}}));
    r.insert(kCounters, compact({{QStringLiteral("video"), idText(state.m_lastVideoId)},
                                 {QStringLiteral("image"), idText(state.m_lastImageId)},
                                 {QStringLiteral("account"), idText(state.m_lastAccountId)},
                                 {QStringLiteral("media"), idText(state.m_lastMediaId)}}));
    r.insert(kStats, compact(statsRecord(state.m_stats)));
    return r;
}

void SandboxStore::restore(SandboxState& state, const Records& stored) {
    const Owners owners(state);
    WebRoutes& web = *state.m_web;
    auto readBlob = [this](const QString& recordName, QByteArray* bytes) {
        QFile file(blobPath(recordName));
        if (!file.open(QIODevice::ReadOnly))
            return false;
        *bytes = file.readAll();
        return true;
    };
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QString& name = it.key();
        const QJsonObject o = parsed(it.value());
        auto text = [&o](const char* field) { return o.value(QLatin1String(field)).toString(); };
        auto number = [&o](const char* field) { return o.value(QLatin1String(field)).toInteger(); };
        auto size = [&o] {
            return QSize(o.value(QLatin1String("width")).toInt(),
                         o.value(QLatin1String("height")).toInt());
        };
        if (name.startsWith(kAccount)) {
            const QString owner = owners.owner(name.mid(kAccount.size()));
            if (!owner.isEmpty())
                state.m_accounts.insert(owner,
                                        {idFrom(o.value(QLatin1String("id"))), number("daily"),
                                         number("monthly"), number("package")});
        } else if (name.startsWith(kVideo)) {
            const QString owner = owners.owner(text("owner"));
            const qint64 id = name.mid(kVideo.size()).toLongLong();
            if (!owner.isEmpty())
                state.m_videos.insert(id, videoFrom(id, o, owner));
        } else if (name.startsWith(kImage)) {
            SandboxState::Image image{
                owners.owner(text("owner")), {}, text("format").toLatin1(), size()};
            if (!image.owner.isEmpty() && readBlob(name, &image.bytes))
                state.m_images.insert(name.mid(kImage.size()).toLongLong(), image);
        } else if (name.startsWith(kUploaded)) {
            ModeRoutes::Media media;
            media.id = name.mid(kUploaded.size()).toLongLong();
            media.owner = owners.owner(text("owner"));
            media.video = o.value(QLatin1String("video")).toBool();
            media.mimeType = text("mimeType").toLatin1();
            media.extension = text("extension");
            media.size = size();
            media.seconds = o.value(QLatin1String("seconds")).toDouble();
            media.hasAudio = o.value(QLatin1String("hasAudio")).toBool();
            if (!media.owner.isEmpty() && readBlob(name, &media.bytes))
                state.m_modes->m_media.insert(media.id, media);
        } else if (name.startsWith(kTrace)) {
            state.m_traceCache.insert(name.mid(kTrace.size()), answerFrom(o));
        } else if (name.startsWith(kSession)) {
            const WebRoutes::Session session{text("email"), number("expiresAt"),
                                             o.value(QLatin1String("replaced")).toBool()};
            web.m_sessions.insert(name.mid(kSession.size()), session);
            if (!session.replaced) // one live session per account: the one not replaced
                web.m_liveTokens.insert(session.email, name.mid(kSession.size()));
        } else if (name.startsWith(kMedia)) {
            web.m_media.insert(name.mid(kMedia.size()),
                               {idFrom(o.value(QLatin1String("id"))), text("owner"), size()});
        } else if (name.startsWith(kObject)) {
            ObjectStore::Object object{
                text("owner"), {}, text("contentType").toLatin1(), text("etag").toLatin1()};
            if (readBlob(name, &object.bytes))
                web.m_store.m_objects.insert(name.mid(kObject.size()), object);
        } else if (name == kCounters) {
            // Never below the first ids, whatever the file says.
            state.m_lastVideoId =
                std::max(state.m_lastVideoId, idFrom(o.value(QLatin1String("video"))));
            state.m_lastImageId =
                std::max(state.m_lastImageId, idFrom(o.value(QLatin1String("image"))));
            state.m_lastAccountId =
                std::max(state.m_lastAccountId, idFrom(o.value(QLatin1String("account"))));
            state.m_lastMediaId =
                std::max(state.m_lastMediaId, idFrom(o.value(QLatin1String("media"))));
        } else if (name == kStats) {
            state.m_stats.uploads = number("uploads");
            state.m_stats.generationsCreated = number("generationsCreated");
            state.m_stats.webLogins = number("webLogins");
            state.m_stats.objectStorePuts = number("objectStorePuts");
            state.m_stats.mediaUploads = number("mediaUploads");
        }
    }
    // A different sequence of draws than the previous run's, still repeatable.
    const quint64 seed = state.m_config.randomSeed;
    const auto last = static_cast<quint64>(state.m_lastVideoId);
    const std::array<quint32, 4> words{
        static_cast<quint32>(seed & 0xffffffffU), static_cast<quint32>(seed >> 32),
        static_cast<quint32>(last & 0xffffffffU), static_cast<quint32>(last >> 32)};
    state.m_rng = QRandomGenerator(words.data(), words.data() + words.size());
}

QByteArray SandboxStore::clockRecord(const SandboxState& state, double stoppedSpeed) const {
    return compact({{QStringLiteral("sandboxMs"), QJsonValue(state.m_clock.nowMs())},
                    {QStringLiteral("wallMs"), QJsonValue(QDateTime::currentMSecsSinceEpoch())},
                    {QStringLiteral("speed"), stoppedSpeed},
                    {QStringLiteral("epochMs"), QJsonValue(state.m_epoch.toMSecsSinceEpoch())},
                    {QStringLiteral("port"), state.m_port}});
}

void SandboxStore::restoreClock(SandboxState& state, const QByteArray& record) {
    const QJsonObject o = parsed(record);
    if (o.isEmpty())
        return; // a new store: time starts at 0 now
    const qint64 stoppedFor = std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() -
                                                      o.value(QLatin1String("wallMs")).toInteger());
    const double speed = o.value(QLatin1String("speed")).toDouble(1.0);
    const qint64 resumeAt = o.value(QLatin1String("sandboxMs")).toInteger() +
                            static_cast<qint64>(static_cast<double>(stoppedFor) * speed);
    state.m_clock.advance(resumeAt);
    state.m_epoch =
        QDateTime::fromMSecsSinceEpoch(o.value(QLatin1String("epochMs")).toInteger(), Qt::UTC);
    m_previousPort = static_cast<quint16>(o.value(QLatin1String("port")).toInt());
}

bool SandboxStore::save(const SandboxState& state, bool clockChanged) {
    if (m_connection.isEmpty())
        return false;
    Records now = records(state);
    QStringList changed;
    QStringList removed;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto written = m_written.constFind(it.key());
        if (written == m_written.cend() || *written != it.value())
            changed << it.key();
    }
    for (auto it = m_written.cbegin(); it != m_written.cend(); ++it) {
        if (!now.contains(it.key()))
            removed << it.key();
    }
    // Videos are compared as values: serialising each on every request would cost more than the
    // request itself. (Videos are never removed.)
    QList<const SandboxState::Video*> changedVideos;
    for (const SandboxState::Video& v : state.m_videos) {
        const auto written = m_writtenVideos.constFind(v.id);
        if (written == m_writtenVideos.cend() || !sameVideo(*written, v))
            changedVideos << &v;
    }
    if (changed.isEmpty() && removed.isEmpty() && changedVideos.isEmpty() && !clockChanged)
        return true;
    QStringList videoNames;
    const Owners owners(state);
    for (const SandboxState::Video* v : std::as_const(changedVideos)) {
        videoNames << kVideo + QString::number(v->id);
        now.insert(videoNames.constLast(), compact(videoRecord(*v, owners)));
    }
    // The bytes first: a committed record never names bytes that are not on disk.
    for (const QString& name : std::as_const(changed)) {
        if ((name.startsWith(kImage) || name.startsWith(kObject) || name.startsWith(kUploaded)) &&
            !writeBlob(name, state))
            return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    bool ok = db.transaction();
    ok = ok && query.prepare(QStringLiteral("INSERT OR REPLACE INTO records VALUES (?, ?)"));
    auto put = [&query](const QString& name, const QByteArray& value) {
        query.bindValue(0, name);
        query.bindValue(1, value);
        return query.exec();
    };
    for (const QString& name : changed + videoNames)
        ok = ok && put(name, now.value(name));
    // Killed before the next save, the sandbox ran at its speed: counting the time it was
    // stopped at that speed, no status a client saw goes back.
    ok = ok && put(kClock, clockRecord(state, state.m_clock.speed()));
    QSqlQuery remove(db);
    ok = ok && remove.prepare(QStringLiteral("DELETE FROM records WHERE name = ?"));
    for (const QString& name : std::as_const(removed)) {
        remove.bindValue(0, name);
        ok = ok && remove.exec();
    }
    if (!ok || !db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return fail(tr("Cannot write the sandbox state in “%1”: %2").arg(m_dir, error));
    }
    for (const QString& name : std::as_const(removed)) {
        m_written.remove(name);
        if (name.startsWith(kImage) || name.startsWith(kObject) || name.startsWith(kUploaded))
            QFile::remove(blobPath(name));
    }
    for (const QString& name : std::as_const(changed))
        m_written.insert(name, now.value(name));
    for (const SandboxState::Video* v : std::as_const(changedVideos))
        m_writtenVideos.insert(v->id, *v);
    return true;
}

void SandboxStore::close(const SandboxState& state) {
    if (m_connection.isEmpty())
        return;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO records VALUES (?, ?)"));
    query.bindValue(0, QString(kClock));
    query.bindValue(1, clockRecord(state, 1.0));
    if (!query.exec())
        fail(tr("Cannot write the sandbox state in “%1”: %2").arg(m_dir, query.lastError().text()));
}

bool SandboxStore::reset(const QString& dir, QString* error) {
    auto failed = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QDir folder(dir);
    if (!folder.exists())
        return true;
    QLockFile lock(folder.filePath(kLockName));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0))
        return failed(tr("The sandbox state in “%1” is in use by a running sandbox.").arg(dir));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString path = folder.filePath(kDatabaseName + suffix);
        if (QFile::exists(path) && !QFile::remove(path))
            return failed(tr("Cannot remove “%1”.").arg(path));
    }
    if (!QDir(folder.filePath(kBlobsDir)).removeRecursively())
        return failed(tr("Cannot remove “%1”.").arg(folder.filePath(kBlobsDir)));
    return true;
}

QString defaultStateDir() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/PixVerse Studio/PixVerse Studio/sandbox");
}

bool resetState(const QString& dir, QString* error) {
    return SandboxStore::reset(dir, error);
}

} // namespace pixverse::sandbox
