package fr.portailfamille.it.support;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.Asset;

/**
 * Arquillian's Payara Micro container, keeping the server between test classes. The Payara Micro connector
 * starts a new server for every deployment (the WAR is passed on its command line) and stops it at every
 * undeployment: sixteen test classes meant fifteen server starts. Here an undeployment only remembers the
 * archive, and the next deployment reuses the running server when it already runs that archive: every
 * entry of the requested archive is in the running one, byte for byte. The running one may hold more: the
 * WAR that Arquillian enriched for in-container tests (their classes, its test runner servlet) also serves
 * the classes testing the plain WAR from outside. Any other archive stops the server and starts a new one;
 * the last server stops with the container at the end of the run. Registered in place of the connector's
 * container by {@link SharedDeploymentExtension}; {@link DeploymentOrder} runs the classes so that the
 * enriched WAR comes first.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {

    private Archive<?> running;
    private Map<String, String> runningEntries;
    private ProtocolMetaData runningMetaData;
    private int reuses;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        Map<String, String> entries = entries(archive);
        if (running != null && runningEntries.entrySet().containsAll(entries.entrySet())) {
            reuses++;
            System.out.println("[SharedPayaraMicro] " + archive.getName() + " (" + entries.size() + " entrées) déjà servi par"
                    + " le Payara Micro en marche (" + runningEntries.size() + " entrées) : " + reuses
                    + " démarrage(s) évité(s)");
            return runningMetaData;
        }
        stopRunning();
        long start = System.nanoTime();
        ProtocolMetaData metaData = super.deploy(archive);
        System.out.println("[SharedPayaraMicro] Payara Micro démarré avec " + archive.getName() + " (" + entries.size()
                + " entrées) en " + (System.nanoTime() - start) / 1_000_000 + " ms");
        running = archive;
        runningEntries = entries;
        runningMetaData = metaData;
        return metaData;
    }

    /** Keeps the server for the next class; it stops when another archive is deployed or at the end of the run. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            stopRunning();
        } catch (DeploymentException e) {
            throw new LifecycleException("Arrêt de Payara Micro", e);
        }
        super.stop();
    }

    private void stopRunning() throws DeploymentException {
        if (running != null) {
            Archive<?> archive = running;
            running = null;
            runningEntries = null;
            runningMetaData = null;
            super.undeploy(archive);
        }
    }

    /**
     * An archive's entries: path to SHA-256 of the content ("" for a folder); a nested archive (a library
     * Arquillian adds) by the digest of its own entries, since the dates in its zip change at every export.
     */
    static Map<String, String> entries(Archive<?> archive) {
        Map<String, String> entries = new TreeMap<>();
        byte[] buffer = new byte[64 * 1024];
        for (Map.Entry<ArchivePath, Node> e : archive.getContent().entrySet()) {
            Asset asset = e.getValue().getAsset();
            String digest;
            if (asset == null) {
                digest = "";
            } else if (asset instanceof ArchiveAsset nested) {
                digest = "archive:" + digest(entries(nested.getArchive()).toString().getBytes(StandardCharsets.UTF_8));
            } else {
                MessageDigest sha = sha256();
                try (InputStream in = asset.openStream()) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        sha.update(buffer, 0, n);
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                digest = HexFormat.of().formatHex(sha.digest());
            }
            entries.put(e.getKey().get(), digest);
        }
        return entries;
    }

    private static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
