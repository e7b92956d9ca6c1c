package it.ricolloca.documents.internal;

import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.Store;
import org.springframework.stereotype.Component;

/**
 * Opens a CAdES envelope (a {@code .p7m} file: CMS SignedData with the signed document inside it, DER or
 * Base64/PEM) and says what it holds: the document, who signed it, when, and whether each signature is intact,
 * that is whether the document is the one the signer signed (checked against the signer's certificate carried in
 * the envelope). Nothing is checked about the certificate's issuer, chain or revocation: "intact" is not a legal
 * validation of the signature (ADR 0033).
 * <p>
 * An envelope whose name says {@code .p7m} but that cannot be read, that holds no document (a detached
 * signature) or that holds another envelope (nested signatures) is refused with an Italian message. The file is
 * read whole, within the size limit and the memory reservation of the upload it comes in.
 */
@Component
public class SignedEnvelopes {

    /** One signer of an envelope: the name and the fiscal number (TINIT-) read from the certificate's subject. */
    public record Signer(String name, String taxCode, Instant signedAt, boolean intact) {
    }

    /** What an envelope holds: the signed document, with the name it had before being signed, and its signers. */
    public record Opened(byte[] content, String contentFileName, List<Signer> signers) {

        /** Every signature matches the document. */
        public boolean intact() {
            return !signers.isEmpty() && signers.stream().allMatch(Signer::intact);
        }
    }

    private static final Provider PROVIDER = new BouncyCastleProvider();
    private static final String TAX_CODE_PREFIX = "TINIT-";

    /**
     * The envelope's content and signers when the upload is a CAdES envelope (by its name ending in {@code .p7m},
     * or by its content being a DER CMS SignedData whatever its name), empty when it is something else.
     */
    public Optional<Opened> open(Upload upload) {
        boolean named = upload.fileName().toLowerCase(Locale.ROOT).strip().endsWith(".p7m");
        byte[] bytes = upload.bytes();
        if (bytes.length == 0) {
            throw new RejectedUploadException("document.upload.empty", upload.fileName());
        }
        boolean der = (bytes[0] & 0xFF) == 0x30;
        if (!der && !named) {
            return Optional.empty();
        }
        CMSSignedData cms = parse(der ? bytes : base64(bytes));
        if (cms == null) {
            if (named) {
                throw new RejectedUploadException("document.upload.p7mMalformed", upload.fileName());
            }
            return Optional.empty();
        }
        CMSTypedData signed = cms.getSignedContent();
        if (signed == null || !(signed.getContent() instanceof byte[] content)) {
            throw new RejectedUploadException("document.upload.p7mDetached", upload.fileName());
        }
        if (content.length > 0 && (content[0] & 0xFF) == 0x30 && parse(content) != null) {
            throw new RejectedUploadException("document.upload.p7mNested", upload.fileName());
        }
        List<Signer> signers = signers(cms);
        if (signers.isEmpty()) {
            throw new RejectedUploadException("document.upload.p7mMalformed", upload.fileName());
        }
        return Optional.of(new Opened(content, contentName(upload.fileName()), signers));
    }

    /** The SignedData, or null when the bytes are not one. */
    private static CMSSignedData parse(byte[] der) {
        if (der == null || der.length == 0 || (der[0] & 0xFF) != 0x30) {
            return null;
        }
        try {
            return new CMSSignedData(der);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /** A Base64 envelope, with or without PEM armour lines; null when it is not Base64. */
    private static byte[] base64(byte[] text) {
        String s = new String(text, StandardCharsets.US_ASCII);
        StringBuilder body = new StringBuilder(s.length());
        for (String line : s.split("\\R")) {
            String l = line.strip();
            if (!l.startsWith("-----")) {
                body.append(l);
            }
        }
        String b64 = body.toString().replaceAll("\\s+", "");
        if (b64.isEmpty() || !b64.matches("[A-Za-z0-9+/]+={0,2}")) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Signer> signers(CMSSignedData cms) {
        Store<X509CertificateHolder> certificates = cms.getCertificates();
        List<Signer> signers = new ArrayList<>();
        for (SignerInformation si : cms.getSignerInfos().getSigners()) {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = certificates.getMatches(si.getSID());
            X509CertificateHolder certificate = matches.isEmpty() ? null : matches.iterator().next();
            Instant signedAt = signingTime(si);
            if (certificate == null) {
                signers.add(new Signer("", null, signedAt, false));
                continue;
            }
            signers.add(new Signer(name(certificate.getSubject()), taxCode(certificate.getSubject()), signedAt,
                    verified(si, certificate)));
        }
        return signers;
    }

    /** The signature matches the content and was made with the certificate's key. */
    private static boolean verified(SignerInformation si, X509CertificateHolder certificate) {
        try {
            return si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(PROVIDER).build(certificate));
        } catch (Exception e) {
            return false;
        }
    }

    private static Instant signingTime(SignerInformation si) {
        AttributeTable attributes = si.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String name(X500Name subject) {
        String common = value(subject, BCStyle.CN);
        if (common != null) {
            return common;
        }
        String given = value(subject, BCStyle.GIVENNAME);
        String surname = value(subject, BCStyle.SURNAME);
        String name = ((given == null ? "" : given) + " " + (surname == null ? "" : surname)).strip();
        return name.isEmpty() ? subject.toString() : name;
    }

    /** The fiscal number of an Italian qualified certificate: the subject's serialNumber {@code TINIT-<codice fiscale>}. */
    private static String taxCode(X500Name subject) {
        String serial = value(subject, BCStyle.SERIALNUMBER);
        if (serial == null || !serial.toUpperCase(Locale.ROOT).startsWith(TAX_CODE_PREFIX)) {
            return null;
        }
        return serial.substring(TAX_CODE_PREFIX.length()).strip().toUpperCase(Locale.ROOT);
    }

    private static String value(X500Name subject, ASN1ObjectIdentifier type) {
        RDN[] rdns = subject.getRDNs(type);
        if (rdns.length == 0 || rdns[0].getFirst() == null) {
            return null;
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        String s = (v instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(v)).strip();
        return s.isEmpty() ? null : s;
    }

    /** The name the document had before being signed: {@code patto.pdf.p7m} was {@code patto.pdf}. */
    static String contentName(String envelopeName) {
        String name = envelopeName == null ? "" : envelopeName.strip();
        while (name.toLowerCase(Locale.ROOT).endsWith(".p7m")) {
            name = name.substring(0, name.length() - 4);
        }
        return name;
    }
}
