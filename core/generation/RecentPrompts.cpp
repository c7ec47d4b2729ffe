#include "core/generation/RecentPrompts.h"

#include <QSettings>

#include <memory>

namespace pixverse {

namespace {
const QString& key() {
    static const QString k = QStringLiteral("generation/recentPrompts");
    return k;
}

std::unique_ptr<QSettings> open(const QString& iniFile) {
    return iniFile.isEmpty() ? std::make_unique<QSettings>()
                             : std::make_unique<QSettings>(iniFile, QSettings::IniFormat);
}
} // namespace

RecentPrompts::RecentPrompts(const QString& iniFile)
    : m_iniFile(iniFile) {}

QStringList RecentPrompts::prompts() const {
    QStringList list = open(m_iniFile)->value(key()).toStringList();
    list.removeAll(QString());
    if (list.size() > maxCount)
        list.resize(maxCount);
    return list;
}

void RecentPrompts::add(const QString& prompt) {
    const QString text = prompt.trimmed();
    if (text.isEmpty())
        return;
    QStringList list = prompts();
    list.removeAll(text);
    list.prepend(text);
    if (list.size() > maxCount)
        list.resize(maxCount);
    open(m_iniFile)->setValue(key(), list);
}

void RecentPrompts::clear() {
    open(m_iniFile)->remove(key());
}

} // namespace pixverse
