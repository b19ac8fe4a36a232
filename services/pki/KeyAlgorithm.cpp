#include "KeyAlgorithm.h"

namespace lanyard {

QString keyAlgorithmId(KeyAlgorithm alg)
{
    switch (alg) {
    case KeyAlgorithm::Rsa2048:
        return QStringLiteral("rsa2048");
    case KeyAlgorithm::Rsa3072:
        return QStringLiteral("rsa3072");
    case KeyAlgorithm::EcP256:
        return QStringLiteral("p256");
    }
    return {};
}

bool keyAlgorithmFromId(const QString& id, KeyAlgorithm* alg)
{
    for (KeyAlgorithm a : { KeyAlgorithm::Rsa2048, KeyAlgorithm::Rsa3072, KeyAlgorithm::EcP256 }) {
        if (keyAlgorithmId(a) == id.trimmed().toLower()) {
            *alg = a;
            return true;
        }
    }
    return false;
}

bool parseKeyAlgorithms(const QString& list, QList<KeyAlgorithm>* out)
{
    out->clear();
    for (const QString& part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        KeyAlgorithm a;
        if (!keyAlgorithmFromId(part, &a))
            return false;
        if (!out->contains(a))
            out->append(a);
    }
    return !out->isEmpty();
}

QString keyAlgorithmList(const QList<KeyAlgorithm>& algs)
{
    QStringList ids;
    for (KeyAlgorithm a : algs)
        ids.append(keyAlgorithmId(a));
    return ids.join(QLatin1Char(','));
}

} // namespace lanyard
