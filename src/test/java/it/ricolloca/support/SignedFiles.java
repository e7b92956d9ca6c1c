package it.ricolloca.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Real CAdES-BES envelopes (.p7m, attached), made as a signing application makes them: a self-signed RSA
 * certificate whose subject carries the signer's name and the fiscal number as serialNumber {@code TINIT-…},
 * SHA-256 with RSA, the signed attributes content type, message digest, signing time and signing certificate v2.
 */
public final class SignedFiles {

    public static final String SIGNER = "Mario Rossi";
    public static final String TAX_CODE = "RSSMRA80A01L219X";

    private static final Provider PROVIDER = new BouncyCastleProvider();

    private SignedFiles() {
    }

    /** The document in a DER envelope signed by {@link #SIGNER}. */
    public static byte[] cades(byte[] content) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "IT")
                    .addRDN(BCStyle.GIVENNAME, "Mario").addRDN(BCStyle.SURNAME, "Rossi")
                    .addRDN(BCStyle.SERIALNUMBER, "TINIT-" + TAX_CODE).addRDN(BCStyle.CN, SIGNER).build();
            Instant now = Instant.now();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").setProvider(PROVIDER).build(keys.getPrivate());
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), subject,
                    keys.getPublic()).build(signer);

            ESSCertIDv2 certificateId = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certificateId}))));
            CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
            cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(PROVIDER).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(PROVIDER).build(keys.getPrivate()),
                            certificate));
            cms.addCertificate(certificate);
            return cms.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same envelope as PEM text (Base64 between armour lines), as some signing applications save it. */
    public static byte[] pem(byte[] envelope) {
        return ("-----BEGIN PKCS7-----\r\n" + Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(envelope) + "\r\n-----END PKCS7-----\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The envelope with one byte of the signed PDF changed after signing (in the binary comment of the PDF's second
     * line, so the PDF itself still reads): the content no longer matches the signature.
     */
    public static byte[] tampered(byte[] envelope) {
        byte[] copy = envelope.clone();
        int at = indexOf(copy, "%PDF-".getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            throw new IllegalArgumentException("no PDF inside");
        }
        int comment = at + 1;
        while (copy[comment] != '%') {
            comment++;
        }
        copy[comment + 1] = (byte) (copy[comment + 1] == (byte) 0xE2 ? 0xE3 : 0xE2);
        return copy;
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
