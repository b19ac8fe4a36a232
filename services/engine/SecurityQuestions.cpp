#include "SecurityQuestions.h"

#include "AuditLog.h"
#include "PeopleService.h"
#include "pki/SecretHash.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSet>

#include <algorithm>

namespace lanyard {

namespace {
Error refused(const QString& problem, const QString& detail, QVariantMap args = {})
{
    args.insert(QStringLiteral("problem"), problem);
    args.insert(QStringLiteral("field"), problem.startsWith(QLatin1String("security-answer")) ? QStringLiteral("answers") : QStringLiteral("questions"));
    return Error(ErrorCode::InvalidArgument, detail, args);
}

bool hasControlCharacters(const QString& s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format; });
}
} // namespace

SecurityQuestions::SecurityQuestions(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

QString SecurityQuestions::fold(const QString& answer)
{
    return answer.normalized(QString::NormalizationForm_KC).simplified().toCaseFolded();
}

Result<void> SecurityQuestions::set(const AccessControl& ac, const QStringList& questions, const QStringList& answers)
{
    if (questions.size() < kMinQuestions || questions.size() > kMaxQuestions)
        return refused(QStringLiteral("security-question-count"), QStringLiteral("%1 questions; between %2 and %3 are set").arg(questions.size()).arg(kMinQuestions).arg(kMaxQuestions),
            { { QStringLiteral("minimum"), kMinQuestions }, { QStringLiteral("maximum"), kMaxQuestions } });
    if (answers.size() != questions.size())
        return refused(QStringLiteral("security-answers-missing"), QStringLiteral("%1 answers for %2 questions").arg(answers.size()).arg(questions.size()));
    QSet<QString> seen;
    for (int i = 0; i < questions.size(); ++i) {
        const QString q = questions[i].simplified();
        if (q.isEmpty() || q.size() > kMaxQuestionLength || hasControlCharacters(q))
            return refused(QStringLiteral("security-question-text"), QStringLiteral("question %1 is empty, longer than %2 characters or holds control characters").arg(i + 1).arg(kMaxQuestionLength),
                { { QStringLiteral("position"), i + 1 }, { QStringLiteral("maximum"), kMaxQuestionLength } });
        if (seen.contains(q.toCaseFolded()))
            return refused(QStringLiteral("security-question-repeated"), QStringLiteral("question %1 is asked twice").arg(i + 1), { { QStringLiteral("position"), i + 1 } });
        seen.insert(q.toCaseFolded());
        const QString a = fold(answers[i]);
        if (a.size() < kMinAnswerLength || a.size() > kMaxAnswerLength || hasControlCharacters(a))
            return refused(QStringLiteral("security-answer-length"), QStringLiteral("answer %1 must be %2 to %3 characters").arg(i + 1).arg(kMinAnswerLength).arg(kMaxAnswerLength),
                { { QStringLiteral("position"), i + 1 }, { QStringLiteral("minimum"), kMinAnswerLength }, { QStringLiteral("maximum"), kMaxAnswerLength } });
    }
    // Hashed before the transaction: the slow part holds no lock.
    QStringList hashes;
    for (const QString& a : answers)
        hashes << SecretHash::make(fold(a));
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    const qint64 me = ac.operatorPerson().id;
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM security_answers WHERE person_id = ?"), { me }); !r)
        return r.error();
    for (int i = 0; i < questions.size(); ++i) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO security_answers (person_id, position, question, answer_hash, set_at) VALUES (?, ?, ?, ?, ?)"),
                { me, i + 1, questions[i].simplified(), hashes[i], now });
            !r)
            return r.error();
    }
    AuditEvent e = AuditLog::event(m_ctx.now(), &ac, QStringLiteral("self-service"), QStringLiteral("person"), QString::number(me), ac.operatorPerson().logonName,
        QStringLiteral("security questions set (%1)").arg(questions.size()));
    e.personId = me;
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    return tx.commit();
}

Result<QStringList> SecurityQuestions::questionsOf(const AccessControl& ac, qint64 personId)
{
    if (personId != ac.operatorPerson().id) {
        auto person = PeopleService(m_ctx, m_db).load(personId);
        if (!person)
            return person.error();
        if (auto r = ac.requireTarget(Workflow::UnlockCredential, *person); !r)
            return r.error();
    }
    auto q = exec(m_db, QStringLiteral("SELECT question FROM security_answers WHERE person_id = ? ORDER BY position"), { personId });
    if (!q)
        return q.error();
    QStringList out;
    const SqlRow row(*q);
    while (q->next())
        out << row.value("question").toString();
    return out;
}

Result<void> SecurityQuestions::check(qint64 personId, const QStringList& answers)
{
    auto q = exec(m_db, QStringLiteral("SELECT answer_hash FROM security_answers WHERE person_id = ? ORDER BY position"), { personId });
    if (!q)
        return q.error();
    QStringList hashes;
    const SqlRow row(*q);
    while (q->next())
        hashes << row.value("answer_hash").toString();
    q->finish();
    if (hashes.isEmpty())
        return Error(ErrorCode::PermissionDenied, QStringLiteral("the holder has set no security questions"),
            { { QStringLiteral("problem"), QStringLiteral("security-questions-unset") } });
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto state = fetchOne(m_db, QStringLiteral("SELECT failures, locked_until FROM security_checks WHERE person_id = ?"), { personId });
    if (!state)
        return state.error();
    const int failures = state->isEmpty() ? 0 : state->value("failures").toInt();
    const qint64 lockedUntil = state->isEmpty() ? 0 : state->value("locked_until").toLongLong();
    if (lockedUntil > now)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("too many wrong answers; checked again from %1").arg(QDateTime::fromMSecsSinceEpoch(lockedUntil, Qt::UTC).toString(Qt::ISODate)),
            { { QStringLiteral("problem"), QStringLiteral("security-answers-locked") }, { QStringLiteral("until"), QDateTime::fromMSecsSinceEpoch(lockedUntil, Qt::UTC).toString(Qt::ISODate) } });
    if (answers.size() != hashes.size())
        return refused(QStringLiteral("security-answers-missing"), QStringLiteral("%1 answers for %2 questions").arg(answers.size()).arg(hashes.size()));
    // Every answer is checked, right or wrong, so the time taken says nothing of which was wrong.
    bool right = true;
    for (int i = 0; i < hashes.size(); ++i)
        right = SecretHash::verify(fold(answers[i].left(kMaxAnswerLength * 2)), hashes[i]) && right;
    const QString upsert = QStringLiteral("INSERT INTO security_checks (person_id, failures, locked_until) VALUES (?, ?, ?) "
                                          "ON CONFLICT (person_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until");
    if (right) {
        if (failures > 0) {
            if (auto r = exec(m_db, upsert, { personId, 0, 0 }); !r)
                return r.error();
        }
        return {};
    }
    const int count = failures + 1;
    const bool lock = count >= kMaxFailures;
    if (auto r = exec(m_db, upsert, { personId, lock ? 0 : count, lock ? now + qint64(kLockMinutes) * 60000 : 0 }); !r)
        return r.error();
    return Error(ErrorCode::PermissionDenied, QStringLiteral("the answers do not match the holder's"),
        { { QStringLiteral("problem"), QStringLiteral("security-answers-wrong") }, { QStringLiteral("triesLeft"), lock ? 0 : kMaxFailures - count },
            { QStringLiteral("lockMinutes"), kLockMinutes } });
}

} // namespace lanyard
