package org.alliancesearch.portal.member.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Checks that PEM text an admin pasted can be read, so a typo fails on save and not on the first search. */
final class PemChecks {
    private PemChecks() {
    }

    /** One or more X.509 certificates. */
    static boolean certificates(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            return false;
        }
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
            return !certificates.isEmpty();
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    /**
     * One unencrypted private key in a PEM form the connector's TLS loader (Vert.x) takes: PKCS#8
     * ({@code BEGIN PRIVATE KEY}, RSA or EC) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). SEC1
     * ({@code BEGIN EC PRIVATE KEY}) is refused, as that loader refuses it, and so is an encrypted key: the connector
     * has no password to open it with.
     */
    static boolean privateKey(String pem) {
        if (pem == null) {
            return false;
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                converter.getPrivateKey(info);
                return true;
            }
            if (object instanceof PEMKeyPair pair && PKCSObjectIdentifiers.rsaEncryption
                    .equals(pair.getPrivateKeyInfo().getPrivateKeyAlgorithm().getAlgorithm())) {
                converter.getKeyPair(pair);
                return true;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
