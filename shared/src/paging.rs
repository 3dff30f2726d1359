//! The one paging rule of every paged list (people, audit log): pages count
//! from 1 and hold 1 to 200 rows. Kept here so that the browser asks only
//! for pages the server gives, and both state the same bounds.

use crate::problem::FieldError;

/// The first page.
pub const FIRST_PAGE: u32 = 1;
/// The most rows a page holds.
pub const MAX_PAGE_SIZE: u32 = 200;
/// The page size when none is asked for.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// A page asked for, within bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// From 1.
    pub number: u32,
    /// 1 to [`MAX_PAGE_SIZE`].
    pub size: u32,
}

impl Page {
    /// The page the `page` and `page_size` parameters ask for, the first
    /// page of [`DEFAULT_PAGE_SIZE`] rows where they are absent. Out of
    /// bounds is the field error `out_of_range` on the parameter.
    pub fn parse(page: Option<u32>, page_size: Option<u32>) -> Result<Self, FieldError> {
        let number = page.unwrap_or(FIRST_PAGE);
        let size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        if number < FIRST_PAGE {
            return Err(FieldError::new(
                "page",
                "out_of_range",
                "Pages count from 1",
            ));
        }
        if !(1..=MAX_PAGE_SIZE).contains(&size) {
            return Err(FieldError::new(
                "page_size",
                "out_of_range",
                "A page holds 1 to 200 rows",
            ));
        }
        Ok(Self { number, size })
    }

    /// How many rows come before this page (never overflows: at most
    /// (2^32 - 2) * 200).
    pub fn offset(self) -> i64 {
        i64::from(self.number - 1) * i64::from(self.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_parameters_mean_the_first_page_of_fifty() {
        assert_eq!(
            Page::parse(None, None),
            Ok(Page {
                number: 1,
                size: 50
            })
        );
        assert_eq!(Page::parse(None, None).unwrap().offset(), 0);
    }

    #[test]
    fn pages_count_from_one() {
        assert_eq!(Page::parse(Some(0), None).unwrap_err().field, "page");
        assert_eq!(Page::parse(Some(3), Some(20)).unwrap().offset(), 40);
        assert!(
            Page::parse(Some(u32::MAX), Some(MAX_PAGE_SIZE))
                .unwrap()
                .offset()
                > 0
        );
    }

    #[test]
    fn a_page_holds_one_to_two_hundred_rows() {
        for size in [0, 201, u32::MAX] {
            let error = Page::parse(None, Some(size)).unwrap_err();
            assert_eq!(
                (error.field.as_str(), error.code.as_str()),
                ("page_size", "out_of_range")
            );
        }
        assert!(Page::parse(None, Some(1)).is_ok());
        assert!(Page::parse(None, Some(200)).is_ok());
    }
}
