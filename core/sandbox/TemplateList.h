#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace pixverse::sandbox {

//! One effect template of the sandbox's list (issue 17; ids and traits: SandboxTemplates.h).
struct SandboxTemplate {
    qint64 id = 0;
    QString name;          //!< English
    QString nameRu;        //!< Russian (Accept-Language ru…)
    QString prompt;        //!< English display_prompt
    QString promptRu;      //!< Russian display_prompt
    QString category;      //!< English
    QString categoryRu;    //!< Russian
    int imageCount = 1;    //!< `effect_type`: images a generation with it takes (0: text only)
    QString model;         //!< `template_model`
    QStringList qualities; //!< the qualities a generation with it may ask for
    int duration = 5;
    int look = 1; //!< which preview clip and still (resources/clips: templates/look-<n>.*)
    bool needsActivation = false; //!< a generation with it answers 500070
};

//! How many distinct preview looks resources/clips makes.
inline constexpr int kTemplateLookCount = 8;

//! The sandbox's `count` templates: first the ones with a documented trait (SandboxTemplates.h),
//! then 36 base names in English and Russian; beyond 36, "<name> <n>" with n from 2.
QList<SandboxTemplate> sandboxTemplates(int count);

} // namespace pixverse::sandbox
