package org.truce.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.ingest.Labels;

/**
 * The saved column mappings (by name: field to header text or column letter) and the alias table
 * (per kind, a label to a catalog id) an import may use. Thread-safe implementations only.
 */
interface ImportMappings {
    /** Nothing saved: every mapping name is unknown, no alias is known. */
    ImportMappings NONE = new ImportMappings() {
        @Override
        public Optional<Map<String, String>> mapping(String name) {
            return Optional.empty();
        }

        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public Map<Labels.Kind, Map<String, String>> aliases() {
            return Map.of();
        }
    };

    Optional<Map<String, String>> mapping(String name);

    List<String> names();

    Map<Labels.Kind, Map<String, String>> aliases();
}
