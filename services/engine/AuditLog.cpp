#include "AuditLog.h"

#include "storage/Database.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QSqlRecord>

namespace lanyard {

namespace {
QString kGenesis()
{
    return QString(64, QLatin1Char('0'));
}

constexpr const char* kColumns = "seq, at, operator_id, operator_name, workflow, target_type, target_id, target_label, "
                                 "person_id, device_id, outcome, details, prev_hash, hash";

AuditEvent readEvent(const SqlRow& row)
{
    AuditEvent e;
    e.seq = row.value("seq").toLongLong();
    e.at = QDateTime::fromMSecsSinceEpoch(row.value("at").toLongLong(), Qt::UTC);
    e.operatorId = row.value("operator_id").toLongLong();
    e.operatorName = row.value("operator_name").toString();
    e.workflow = row.value("workflow").toString();
    e.targetType = row.value("target_type").toString();
    e.targetId = row.value("target_id").toString();
    e.targetLabel = row.value("target_label").toString();
    e.personId = row.value("person_id").toLongLong();
    e.deviceId = row.value("device_id").toLongLong();
    e.outcome = row.value("outcome").toString();
    e.details = row.value("details").toString();
    e.prevHash = row.value("prev_hash").toString();
    e.hash = row.value("hash").toString();
    return e;
}

QVariant nullable(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}
} // namespace

AuditLog::AuditLog(QSqlDatabase db, const EngineContext& ctx)
    : m_db(std::move(db))
    , m_dialect(ctx.dialect())
    , m_key(ctx.auditKey)
{
}

AuditEvent AuditLog::event(const QDateTime& at, const AccessControl* ac, const QString& workflow, const QString& targetType,
    const QString& targetId, const QString& targetLabel, const QString& details)
{
    AuditEvent e;
    e.at = at;
    if (ac) {
        e.operatorId = ac->operatorPerson().id;
        e.operatorName = ac->operatorPerson().logonName;
    } else {
        e.operatorName = QStringLiteral("system");
    }
    e.workflow = workflow;
    e.targetType = targetType;
    e.targetId = targetId;
    e.targetLabel = targetLabel;
    e.outcome = QStringLiteral("success");
    e.details = details;
    return e;
}

namespace {
QByteArray hashedFields(const AuditEvent& e)
{
    const QStringList fields { QString::number(e.seq), QString::number(e.at.toMSecsSinceEpoch()), QString::number(e.operatorId),
        e.operatorName, e.workflow, e.targetType, e.targetId, e.targetLabel, QString::number(e.personId),
        QString::number(e.deviceId), e.outcome, e.details, e.prevHash };
    // Unit separator between fields: no field boundary can be forged by moving text around.
    return fields.join(QChar(0x1F)).toUtf8();
}
} // namespace

QString AuditLog::computeHash(const AuditEvent& e, const QByteArray& key)
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(hashedFields(e), key, QCryptographicHash::Sha256).toHex());
}

QString AuditLog::legacyHash(const AuditEvent& e)
{
    return QString::fromLatin1(QCryptographicHash::hash(hashedFields(e), QCryptographicHash::Sha256).toHex());
}

Result<AuditEvent> AuditLog::append(AuditEvent e)
{
    if (m_key.size() < 32)
        return Error(ErrorCode::StorageFailure, QStringLiteral("the audit chain has no key; nothing is written unkeyed"));
    const QString lock = m_dialect == SqlDialect::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
    auto head = fetchOne(m_db, QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1") + lock);
    if (!head)
        return head.error();
    if (head->isEmpty())
        return Error(ErrorCode::StorageFailure, QStringLiteral("audit head row missing"));
    e.seq = head->value("seq").toLongLong() + 1;
    e.prevHash = head->value("hash").toString();
    // Millisecond precision, as stored.
    e.at = QDateTime::fromMSecsSinceEpoch(e.at.toMSecsSinceEpoch(), Qt::UTC);
    e.hash = computeHash(e, m_key);
    auto ins = exec(m_db,
        QStringLiteral("INSERT INTO audit_events (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)").arg(QLatin1String(kColumns)),
        { e.seq, e.at.toMSecsSinceEpoch(), nullable(e.operatorId), e.operatorName, e.workflow, e.targetType, e.targetId,
            e.targetLabel, nullable(e.personId), nullable(e.deviceId), e.outcome, e.details, e.prevHash, e.hash });
    if (!ins)
        return ins.error();
    auto upd = exec(m_db, QStringLiteral("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"), { e.seq, e.hash });
    if (!upd)
        return upd.error();
    return e;
}

Result<QList<AuditEvent>> AuditLog::find(const AuditQuery& query, const QList<qint64>& personScope, bool scoped)
{
    QString sql = QStringLiteral("SELECT %1 FROM audit_events WHERE 1=1").arg(QLatin1String(kColumns));
    QVariantList binds;
    if (query.personId > 0) {
        sql += QStringLiteral(" AND person_id = ?");
        binds << query.personId;
    }
    if (query.deviceId > 0) {
        sql += QStringLiteral(" AND device_id = ?");
        binds << query.deviceId;
    }
    if (query.operatorId > 0) {
        sql += QStringLiteral(" AND operator_id = ?");
        binds << query.operatorId;
    }
    if (!query.workflow.isEmpty()) {
        sql += QStringLiteral(" AND workflow = ?");
        binds << query.workflow;
    }
    if (!query.text.isEmpty()) {
        sql += QStringLiteral(" AND (target_label LIKE ? OR operator_name LIKE ?)");
        const QString pattern = QLatin1Char('%') + query.text + QLatin1Char('%');
        binds << pattern << pattern;
    }
    if (query.from.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        binds << query.from.toMSecsSinceEpoch();
    }
    if (query.until.isValid()) {
        sql += QStringLiteral(" AND at < ?");
        binds << query.until.toMSecsSinceEpoch();
    }
    if (scoped) {
        if (personScope.isEmpty())
            return QList<AuditEvent>();
        QStringList marks;
        for (qint64 id : personScope) {
            marks << QStringLiteral("?");
            binds << id;
        }
        sql += QStringLiteral(" AND person_id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT %1 OFFSET %2").arg(qBound(1, query.limit, 10000)).arg(qMax(0, query.offset));
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    QList<AuditEvent> out;
    const SqlRow row(*q);
    while (q->next())
        out.append(readEvent(row));
    return out;
}

Result<AuditVerification> AuditLog::verify()
{
    if (m_key.size() < 32)
        return Error(ErrorCode::StorageFailure, QStringLiteral("the audit chain has no key to verify with"));
    const QByteArray key = m_key;
    return verifyWith([key](const AuditEvent& e) { return computeHash(e, key); });
}

Result<AuditVerification> AuditLog::rekeyLegacyChain(const QDateTime& now)
{
    if (m_key.size() < 32)
        return Error(ErrorCode::StorageFailure, QStringLiteral("the audit chain has no key"));
    auto legacy = verifyWith(&AuditLog::legacyHash);
    if (!legacy)
        return legacy.error();
    auto q = exec(m_db, QStringLiteral("SELECT %1 FROM audit_events ORDER BY seq").arg(QLatin1String(kColumns)));
    if (!q)
        return q.error();
    QList<AuditEvent> rows;
    const SqlRow row(*q);
    while (q->next())
        rows.append(readEvent(row));
    q->finish();
    QString prev = kGenesis();
    for (AuditEvent& e : rows) {
        e.prevHash = prev;
        e.hash = computeHash(e, m_key);
        if (auto r = exec(m_db, QStringLiteral("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?"), { e.prevHash, e.hash, e.seq }); !r)
            return r.error();
        prev = e.hash;
    }
    if (!rows.isEmpty()) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"), { rows.last().seq, prev }); !r)
            return r.error();
    }
    AuditEvent note = event(now, nullptr, QStringLiteral("system"), QStringLiteral("audit"), {}, QStringLiteral("audit chain"),
        legacy->intact ? QStringLiteral("audit chain keyed: %1 earlier rows verified unkeyed and re-chained under the key").arg(rows.size())
                       : QStringLiteral("audit chain keyed: the unkeyed chain of %1 rows was already broken at row %2 (%3) before keying; rows re-chained under the key")
                             .arg(rows.size())
                             .arg(legacy->firstBrokenSeq)
                             .arg(legacy->problem));
    if (!legacy->intact)
        note.outcome = QStringLiteral("failed");
    if (auto r = append(note); !r)
        return r.error();
    AuditVerification out = *legacy;
    out.checked = rows.size();
    return out;
}

Result<AuditVerification> AuditLog::verifyWith(const std::function<QString(const AuditEvent&)>& hash)
{
    AuditVerification v;
    auto q = exec(m_db, QStringLiteral("SELECT %1 FROM audit_events ORDER BY seq").arg(QLatin1String(kColumns)));
    if (!q)
        return q.error();
    QString prev = kGenesis();
    qint64 expectedSeq = 1;
    auto broken = [&v](qint64 seq, const QString& problem) {
        v.intact = false;
        v.firstBrokenSeq = seq;
        v.problem = problem;
    };
    const SqlRow row(*q);
    while (q->next()) {
        const AuditEvent e = readEvent(row);
        if (e.seq != expectedSeq) {
            broken(expectedSeq, QStringLiteral("missing-row"));
            return v;
        }
        if (e.prevHash != prev) {
            broken(e.seq, QStringLiteral("chain-mismatch"));
            return v;
        }
        if (hash(e) != e.hash) {
            broken(e.seq, QStringLiteral("row-altered"));
            return v;
        }
        prev = e.hash;
        ++expectedSeq;
        ++v.checked;
    }
    auto head = fetchOne(m_db, QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"));
    if (!head)
        return head.error();
    if (!head->isEmpty() && (head->value("seq").toLongLong() != expectedSeq - 1 || head->value("hash").toString() != prev))
        broken(expectedSeq, QStringLiteral("truncated"));
    return v;
}

Result<QList<AuditEvent>> AuditLog::find(const AccessControl& ac, const AuditQuery& query)
{
    if (auto r = ac.require(Workflow::ViewAudit); !r)
        return r.error();
    if (ac.scopeFor(Workflow::ViewAudit) == Scope::All)
        return find(query);
    QVariantList binds;
    const QString where = ac.scopeCondition(Workflow::ViewAudit, &binds);
    auto q = exec(m_db, QStringLiteral("SELECT p.id FROM people p WHERE ") + where, binds);
    if (!q)
        return q.error();
    QList<qint64> people;
    const SqlRow person(*q);
    while (q->next())
        people.append(person.value("id").toLongLong());
    q->finish();
    return find(query, people, true);
}

Result<AuditVerification> AuditLog::verify(const AccessControl& ac)
{
    if (auto r = ac.require(Workflow::ViewAudit); !r)
        return r.error();
    return verify();
}

} // namespace lanyard
