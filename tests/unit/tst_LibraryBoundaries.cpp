#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

// Each C library sits behind its own small wrapper: only pki/ speaks OpenSSL (and the HTTPS
// server, whose TLS is Asio's over OpenSSL), only cards/ pcsc-lite, only notify/ libcurl. A
// file elsewhere that includes one fails here.
class TestLibraryBoundaries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eachLibraryOnlyBehindItsWrapper()
    {
        struct Library {
            QRegularExpression include;
            QStringList allowed; // path prefixes under the source root
        };
        const QList<Library> libraries {
            { QRegularExpression(QStringLiteral(R"(#include\s*<(openssl/|boost/asio/ssl))")), { QStringLiteral("services/pki/"), QStringLiteral("services/remote/HttpServer.cpp") } },
            { QRegularExpression(QStringLiteral(R"(#include\s*<(PCSC/|winscard\.h|pcsclite\.h))")), { QStringLiteral("services/cards/") } },
            { QRegularExpression(QStringLiteral(R"(#include\s*<curl/)")), { QStringLiteral("services/notify/") } },
            { QRegularExpression(QStringLiteral(R"(#include\s*<(ldap\.h|lber\.h))")), { QStringLiteral("services/directory/") } },
        };
        const QString root = QString::fromLocal8Bit(qgetenv("LANYARD_TEST_SOURCE_DIR")) + QStringLiteral("/..");
        int files = 0;
        for (const QString& top : { QStringLiteral("services"), QStringLiteral("models"), QStringLiteral("ui"), QStringLiteral("app") }) {
            QDirIterator it(root + QLatin1Char('/') + top, { QStringLiteral("*.cpp"), QStringLiteral("*.h") }, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                ++files;
                const QString source = QString::fromUtf8(f.readAll());
                const QString path = QDir(root).relativeFilePath(f.fileName());
                for (const Library& library : libraries) {
                    if (!library.include.match(source).hasMatch())
                        continue;
                    const bool allowed = std::any_of(library.allowed.cbegin(), library.allowed.cend(), [&](const QString& prefix) { return path.startsWith(prefix); });
                    QVERIFY2(allowed, qPrintable(QStringLiteral("%1 includes %2").arg(path, library.include.pattern())));
                }
            }
        }
        QVERIFY(files > 100); // the scan saw the tree
    }

    // Result rows are read by column name (storage/SqlRow), so reordering or adding a column
    // in a statement cannot shift what the code reads. A positional read anywhere in the
    // engine fails here; fetchValue() reads the single column of a one-value statement.
    void sqlRowsAreReadByName()
    {
        const QString root = QString::fromLocal8Bit(qgetenv("LANYARD_TEST_SOURCE_DIR")) + QStringLiteral("/..");
        const QRegularExpression positional(QStringLiteral(R"((->|\.)(value|at)\(\d+\))"));
        QStringList found;
        int files = 0;
        QDirIterator it(root + QStringLiteral("/services"), { QStringLiteral("*.cpp"), QStringLiteral("*.h") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString source = QString::fromUtf8(f.readAll());
            if (!source.contains(QLatin1String("QSqlQuery")) && !source.contains(QLatin1String("storage/Database.h")))
                continue;
            ++files;
            const QString path = QDir(root).relativeFilePath(f.fileName());
            if (path == QLatin1String("services/storage/Database.cpp"))
                continue; // fetchValue(): the one column there is
            const QStringList lines = source.split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i)
                if (positional.match(lines.at(i)).hasMatch())
                    found << QStringLiteral("%1:%2: %3").arg(path).arg(i + 1).arg(lines.at(i).trimmed());
        }
        QVERIFY(files > 20);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLibraryBoundaries)
#include "tst_LibraryBoundaries.moc"
