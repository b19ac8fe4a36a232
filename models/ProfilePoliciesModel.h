#pragma once

#include "engine/CertificatePolicy.h"
#include "engine/CredentialProfile.h"

#include <QAbstractTableModel>

namespace lanyard {

// The certificates a profile issues: every certificate policy, ticked when the profile
// issues it, with how its key is obtained (new, or recovered from the archive).
class ProfilePoliciesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PolicyName, Algorithms, Recovery, ColumnCount };
    // The labels an editor offers for the Recovery column, in KeyRecovery order.
    enum Roles { ChoicesRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setPolicies(const QList<CertificatePolicy>& all, const QList<ProfilePolicy>& chosen);
    QList<ProfilePolicy> chosen() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void edited();

private:
    struct Row {
        CertificatePolicy policy;
        bool chosen = false;
        KeyRecovery recovery = KeyRecovery::IssueNew;
    };
    QList<Row> m_rows;
};

} // namespace lanyard
