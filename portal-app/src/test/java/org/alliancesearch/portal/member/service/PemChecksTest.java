package org.alliancesearch.portal.member.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * The private-key forms an admin may paste: every one the connector's TLS loader (Vert.x's PEM key and certificate
 * options) takes is accepted, and what it cannot use is refused.
 */
class PemChecksTest {
    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.close();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** BC writes a key pair in its traditional form: PKCS#1 for RSA, SEC1 for EC. */
    static String traditional(KeyPair pair) throws Exception {
        return pem(pair);
    }

    static String pkcs8(KeyPair pair) throws Exception {
        return pem(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    static String pem(Object o) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o instanceof PemObject p ? p : new JcaMiscPEMGenerator(o).generate());
        }
        return out.toString();
    }

    static String certificate(KeyPair pair, String algorithm) throws Exception {
        X500Name name = new X500Name("CN=member-client");
        Instant now = Instant.now();
        var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate()));
        return pem(new JcaX509CertificateConverter().getCertificate(holder));
    }

    /** Whether the connector's loader reads the key with its certificate. */
    static boolean connectorLoads(String key, String cert) {
        try {
            new PemKeyCertOptions().addKeyValue(Buffer.buffer(key)).addCertValue(Buffer.buffer(cert))
                    .getKeyManagerFactory(VERTX);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void everyFormTheConnectorTakesIsAccepted() throws Exception {
        KeyPair rsa = rsa();
        KeyPair ec = ec();
        String rsaCert = certificate(rsa, "SHA256withRSA");
        String ecCert = certificate(ec, "SHA256withECDSA");

        String pkcs1 = traditional(rsa);
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        String sec1 = traditional(ec);
        assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");

        for (String[] keyAndCert : new String[][]{{pkcs8(rsa), rsaCert}, {pkcs1, rsaCert}, {pkcs8(ec), ecCert}}) {
            assertThat(connectorLoads(keyAndCert[0], keyAndCert[1])).as(keyAndCert[0].lines().findFirst().get())
                    .isTrue();
            assertThat(PemChecks.privateKey(keyAndCert[0])).as(keyAndCert[0].lines().findFirst().get()).isTrue();
        }

        // SEC1: the connector's loader cannot read it, so it is refused on save rather than failing every search
        assertThat(connectorLoads(sec1, ecCert)).isFalse();
        assertThat(PemChecks.privateKey(sec1)).isFalse();
    }

    @Test
    void whatCannotBeUsedIsRefused() throws Exception {
        KeyPair rsa = rsa();
        String encrypted = pem(new JcaMiscPEMGenerator(rsa.getPrivate(),
                new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider())
                        .build("secret".toCharArray()))
                .generate());
        assertThat(encrypted).contains("ENCRYPTED");
        assertThat(PemChecks.privateKey(encrypted)).isFalse();
        assertThat(PemChecks.privateKey(certificate(rsa, "SHA256withRSA"))).isFalse();
        assertThat(PemChecks.privateKey("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"))
                .isFalse();
        assertThat(PemChecks.privateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                .isFalse();
        assertThat(PemChecks.privateKey("")).isFalse();
        assertThat(PemChecks.privateKey(null)).isFalse();
    }
}
