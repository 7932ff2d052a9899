package com.blogplatform.shared.web;

import com.blogplatform.shared.validation.Required;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Documents the presence rules of the request records, which swagger-core skips because they sit
 * in the {@link Required} validation group (checked first, as the reference does): a component
 * marked {@code @NotNull}, {@code @NotEmpty} or {@code @NotBlank} in any group is a required
 * property, and a non-empty text or list has at least one character or element.
 */
@Component
class GroupedConstraintsModelConverter implements ModelConverter {

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		if (schema == null || type.getType() == null) {
			return schema;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (!raw.isRecord()) {
			return schema;
		}
		Schema model = schema.get$ref() == null ? schema
				: context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		if (model == null || model.getProperties() == null) {
			return schema;
		}
		List<String> required = new ArrayList<>(model.getRequired() == null ? List.of() : model.getRequired());
		for (RecordComponent component : raw.getRecordComponents()) {
			var accessor = component.getAccessor();
			JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
			String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
			Schema property = (Schema) model.getProperties().get(name);
			boolean notEmpty = accessor.isAnnotationPresent(NotEmpty.class) || accessor.isAnnotationPresent(NotBlank.class);
			if (property == null || !(notEmpty || accessor.isAnnotationPresent(NotNull.class))) {
				continue;
			}
			if (!required.contains(name)) {
				required.add(name);
			}
			if (notEmpty && property.getMaxItems() == null && property.getItems() == null) {
				if (property.getMinLength() == null || property.getMinLength() == 0) {
					property.setMinLength(1);
				}
			}
			else if (notEmpty && (property.getMinItems() == null || property.getMinItems() == 0)) {
				property.setMinItems(1);
			}
		}
		model.setRequired(required);
		return schema;
	}
}
