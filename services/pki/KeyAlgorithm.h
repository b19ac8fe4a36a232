#pragma once

#include <QList>
#include <QString>

namespace lanyard {

enum class KeyAlgorithm { Rsa2048, Rsa3072, EcP256 };

QString keyAlgorithmId(KeyAlgorithm alg); // "rsa2048", "rsa3072", "p256"
bool keyAlgorithmFromId(const QString& id, KeyAlgorithm* alg);
// Parses a comma-separated list of ids; returns false on an unknown id or an empty list.
bool parseKeyAlgorithms(const QString& list, QList<KeyAlgorithm>* out);
QString keyAlgorithmList(const QList<KeyAlgorithm>& algs);

} // namespace lanyard
