#include "pki/SecureRandom.h"
#include "secrets/MasterKeyFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lanyard;

class TestMasterKeyFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createdPrivateAndReadBack()
    {
        QTemporaryDir dir;
        MasterKeyFile file(dir.filePath(QStringLiteral("m.key")));
        const QByteArray key = secureRandomBytes(32);
        QVERIFY(file.write(key).ok());
        QCOMPARE(QFile::permissions(file.path()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther), QFileDevice::Permissions());
        QCOMPARE(*file.read(), key);
        QVERIFY(!file.write(key).ok()); // never overwrites a key
    }

    void refusesReadableByOthersOrMalformed()
    {
        QTemporaryDir dir;
        MasterKeyFile file(dir.filePath(QStringLiteral("m.key")));
        QVERIFY(file.write(secureRandomBytes(32)).ok());
        QFile::setPermissions(file.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        auto r = file.read();
        QCOMPARE(r.error().code, ErrorCode::SecretStoreUnavailable);
        QVERIFY(r.error().detail.contains(QStringLiteral("chmod 600")));
        MasterKeyFile missing(dir.filePath(QStringLiteral("none.key")));
        QCOMPARE(missing.read().error().code, ErrorCode::NotFound);
        QFile bad(dir.filePath(QStringLiteral("bad.key")));
        bad.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        bad.write("c2hvcnQ=\n");
        bad.close();
        QCOMPARE(MasterKeyFile(bad.fileName()).read().error().code, ErrorCode::SecretStoreUnavailable);
    }
};

QTEST_GUILESS_MAIN(TestMasterKeyFile)
#include "tst_MasterKeyFile.moc"
