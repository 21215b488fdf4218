package org.alliancesearch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed realm file reaches Keycloak: the cached development database is dropped, and only then. */
class KeycloakRealmImportTest {
    @TempDir
    Path home;

    @Test
    void theDatabaseIsDroppedOnlyWhenTheRealmFileChanged() throws Exception {
        Path realm = home.resolve("realm.json");
        Files.writeString(realm, "{\"realm\": \"alliance\"}");
        Files.createDirectories(home.resolve("data/import"));
        Path db = home.resolve("data/h2/keycloakdb.mv.db");
        Files.createDirectories(db.getParent());
        Files.writeString(db, "imported from an older realm file");

        KeycloakServer.forgetRealmsImportedFromAnotherFile(home, realm);
        assertThat(db).doesNotExist();

        Files.createDirectories(db.getParent());
        Files.writeString(db, "imported from this realm file");
        KeycloakServer.forgetRealmsImportedFromAnotherFile(home, realm);
        assertThat(db).exists();

        Files.writeString(realm, "{\"realm\": \"alliance\", \"clients\": []}");
        KeycloakServer.forgetRealmsImportedFromAnotherFile(home, realm);
        assertThat(db).doesNotExist();
    }
}
