#include "ProfilePoliciesModel.h"

#include "DomainText.h"

namespace lanyard {

namespace {
constexpr KeyRecovery kRecoveries[] = { KeyRecovery::IssueNew, KeyRecovery::UseExisting, KeyRecovery::HistoricOnly };
}

void ProfilePoliciesModel::setPolicies(const QList<CertificatePolicy>& all, const QList<ProfilePolicy>& chosen)
{
    beginResetModel();
    m_rows.clear();
    for (const CertificatePolicy& policy : all) {
        Row row { policy, false, KeyRecovery::IssueNew };
        for (const ProfilePolicy& pp : chosen) {
            if (pp.policyId == policy.id) {
                row.chosen = true;
                row.recovery = pp.recovery;
            }
        }
        m_rows.append(row);
    }
    endResetModel();
}

QList<ProfilePolicy> ProfilePoliciesModel::chosen() const
{
    QList<ProfilePolicy> out;
    for (const Row& row : m_rows) {
        if (row.chosen)
            out.append({ row.policy.id, row.policy.name, row.recovery });
    }
    return out;
}

int ProfilePoliciesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProfilePoliciesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfilePoliciesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (index.column()) {
    case PolicyName:
        if (role == Qt::DisplayRole)
            return row.policy.name;
        if (role == Qt::CheckStateRole)
            return row.chosen ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return row.policy.dnTemplate;
        return {};
    case Algorithms:
        return role == Qt::DisplayRole ? QVariant(keyAlgorithmList(row.policy.keyAlgorithms)) : QVariant();
    case Recovery:
        if (role == Qt::DisplayRole)
            return DomainText::keyRecovery(row.recovery);
        if (role == Qt::EditRole)
            return int(row.recovery);
        if (role == ChoicesRole) {
            QStringList labels;
            for (KeyRecovery r : kRecoveries)
                labels.append(DomainText::keyRecovery(r));
            return labels;
        }
        return {};
    default:
        return {};
    }
}

bool ProfilePoliciesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row& row = m_rows[index.row()];
    if (index.column() == PolicyName && role == Qt::CheckStateRole) {
        row.chosen = value.toInt() == Qt::Checked;
    } else if (index.column() == Recovery && role == Qt::EditRole) {
        const int choice = value.toInt();
        if (choice < 0 || choice >= int(std::size(kRecoveries)))
            return false;
        row.recovery = kRecoveries[choice];
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index, { role, Qt::DisplayRole });
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags ProfilePoliciesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == PolicyName)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == Recovery)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ProfilePoliciesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PolicyName:
        return tr("Certificate");
    case Algorithms:
        return tr("Key types");
    case Recovery:
        return tr("Key");
    default:
        return {};
    }
}

} // namespace lanyard
