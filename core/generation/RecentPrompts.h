#pragma once

#include <QString>
#include <QStringList>

namespace pixverse {

//! The last prompts a creator generated with, newest first, kept in the app's QSettings.
class RecentPrompts {
public:
    static constexpr int maxCount = 10;

    //! Uses the application's default QSettings; a given INI file in tests.
    explicit RecentPrompts(const QString& iniFile = {});

    QStringList prompts() const; //!< newest first, at most maxCount
    //! Puts `prompt` first (moving it if it was there already); blank prompts are ignored.
    void add(const QString& prompt);
    void clear();

private:
    QString m_iniFile;
};

} // namespace pixverse
