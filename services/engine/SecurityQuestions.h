#pragma once

#include "AccessControl.h"
#include "EngineContext.h"

#include <QSqlDatabase>
#include <QStringList>

namespace lanyard {

// Questions a person sets for themself in Self-Service, and the check of their answers that
// Unlock Credential makes when unlock.checkSecurityQuestions is on: the operator asks the
// caller and types what they say. Only a slow salted hash of each answer is kept, of its
// folded form (case, accents' composition and runs of spaces do not count). Wrong answers
// count per person: after kMaxFailures in a row nobody's answers are checked for that person
// for kLockMinutes, so a caller cannot guess at the helpdesk's pace.
class SecurityQuestions {
public:
    static constexpr int kMinQuestions = 3;
    static constexpr int kMaxQuestions = 5;
    static constexpr int kMaxQuestionLength = 200;
    static constexpr int kMinAnswerLength = 3;
    static constexpr int kMaxAnswerLength = 200;
    static constexpr int kMaxFailures = 3;
    static constexpr int kLockMinutes = 60;

    SecurityQuestions(const EngineContext& context, QSqlDatabase db);

    // The logged-on person's own questions and answers, replacing any earlier ones; audited
    // (without the answers).
    Result<void> set(const AccessControl& ac, const QStringList& questions, const QStringList& answers);
    // The questions (never anything of the answers) of a person: themself, or for an operator
    // who may unlock their credentials.
    Result<QStringList> questionsOf(const AccessControl& ac, qint64 personId);
    // Inside the caller's transaction. A wrong answer is counted there: the caller commits
    // before returning the refusal (security-answers-wrong, args.triesLeft), or the count is
    // lost and guessing is free. Refused also when the person set no questions
    // (security-questions-unset) or is locked (security-answers-locked, args.until).
    Result<void> check(qint64 personId, const QStringList& answers);

    static QString fold(const QString& answer);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
